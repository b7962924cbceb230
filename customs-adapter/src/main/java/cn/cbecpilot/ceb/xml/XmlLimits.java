package cn.cbecpilot.ceb.xml;

/**
 * How much XML one message may be.
 *
 * @param maxBytes the largest document accepted, in bytes
 * @param maxDepth the deepest element nesting accepted; CEB messages nest five levels at most
 */
public record XmlLimits(int maxBytes, int maxDepth) {

    /** 4 MiB holds a hundred full inventory lists many times over; 32 levels leave room for ExtendMessage. */
    public static final XmlLimits DEFAULT = new XmlLimits(4 * 1024 * 1024, 32);

    public XmlLimits {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024: " + maxBytes);
        }
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8: " + maxDepth);
        }
    }
}
