package cn.cbecpilot.ceb.message;

import java.util.List;

final class Lines {

    private Lines() {}

    static <T> List<T> copy(List<T> lines, int max) {
        List<T> copy = List.copyOf(lines);
        if (copy.isEmpty() || copy.size() > max) {
            throw new IllegalArgumentException("a message carries 1 to " + max + " lines, not " + copy.size());
        }
        return copy;
    }
}
