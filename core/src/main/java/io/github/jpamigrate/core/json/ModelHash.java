package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.model.SchemaModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The model hash: the SHA-256 of the descriptor's canonical bytes, as lower-case hex. The processor
 * puts it into the generated {@code JpaMigrateSchema} class; anyone holding the {@code model.json}
 * that the same compilation wrote gets the same value from {@link #of(byte[])} (or
 * {@code sha256sum model.json}), so a class and a descriptor can be matched without parsing either.
 */
public final class ModelHash {

    private ModelHash() {
    }

    /** The hash of the descriptor {@link DescriptorJson#writeBytes} writes for this model. */
    public static String of(SchemaModel model) {
        return of(DescriptorJson.writeBytes(model));
    }

    /** The hash of a descriptor file's content, byte for byte. */
    public static String of(byte[] descriptor) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(descriptor);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }
}
