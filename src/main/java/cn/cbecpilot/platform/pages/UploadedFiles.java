package cn.cbecpilot.platform.pages;

import cn.cbecpilot.platform.shared.PlainText;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import reactor.core.publisher.Mono;

/** A CSV file uploaded on a console page, read as UTF-8 text up to a bound. */
public final class UploadedFiles {

    /** Far above the largest file the console's readers take (5,000 rows), so that only absurd uploads are cut off. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private UploadedFiles() {}

    /**
     * The file's text, empty when the part is not a file; fails with {@link DataBufferLimitException} past {@link
     * #MAX_BYTES}, which the page answers with 413 and its own words.
     */
    public static Mono<String> text(Part part) {
        if (!(part instanceof FilePart file)) {
            return Mono.just("");
        }
        return DataBufferUtils.join(file.content(), MAX_BYTES)
                .map(buffer -> {
                    try {
                        return PlainText.utf8(buffer.toByteBuffer(), "the file");
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("");
    }
}
