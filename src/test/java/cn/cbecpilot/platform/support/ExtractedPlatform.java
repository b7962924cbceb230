package cn.cbecpilot.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar extracted the way docker/Dockerfile runs it: the application's jar beside its libraries, which the
 * JVM can keep in a class-data archive (a jar nested in a jar it cannot). One run {@link #recording() records} the
 * classes it loaded into the archive when it stops; later runs {@link #archived() map} them instead of loading and
 * verifying them again, which takes nearly half off the start.
 */
public final class ExtractedPlatform {

    private final Path jar;
    private final Path archive;

    private ExtractedPlatform(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    /** Extracts the packaged jar into {@code directory} with Spring Boot's tools jar mode. */
    public static ExtractedPlatform into(Path directory) throws IOException, InterruptedException {
        Path app = directory.resolve("app");
        Process extract = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        PlatformProcess.packagedJar().toString(),
                        "extract",
                        "--destination",
                        app.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(extract.waitFor(60, TimeUnit.SECONDS))
                .as("extracted within 60 s")
                .isTrue();
        assertThat(extract.exitValue()).as("extract's exit status").isZero();
        Path jar = app.resolve(PlatformProcess.packagedJar().getFileName());
        assertThat(jar).isRegularFile();
        return new ExtractedPlatform(jar, directory.resolve("platform.jsa"));
    }

    /** The application's jar, its libraries in {@code lib} beside it. */
    public Path jar() {
        return jar;
    }

    /** The JVM options of the run that writes the archive when it stops. */
    public List<String> recording() {
        // classes of signed jars (Bouncy Castle's) cannot be archived; without this each one is logged
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error");
    }

    /** The JVM options of a run that starts from the archive; {@link #recording()} must have run and stopped. */
    public List<String> archived() {
        assertThat(archive).as("the class-data archive of the recording run").isRegularFile();
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** The archive's size in bytes. */
    public long archiveSize() throws IOException {
        return Files.size(archive);
    }
}
