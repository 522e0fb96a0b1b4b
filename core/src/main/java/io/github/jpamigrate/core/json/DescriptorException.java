package io.github.jpamigrate.core.json;

/** A descriptor that cannot be read: the message names the source and, where known, the position. */
public class DescriptorException extends RuntimeException {
    public DescriptorException(String message) {
        super(message);
    }

    public DescriptorException(String message, Throwable cause) {
        super(message, cause);
    }
}
