package io.secrethub.core.api;

/** Size limits shared by client and server. */
public final class Limits {
    /** A secret value holds 1 byte to 512 KiB. */
    public static final int MAX_SECRET_SIZE = 512 * 1024;
    /** Largest request body: one encrypted value in base64 plus sealed names and keys. */
    public static final int MAX_REQUEST_BODY = 1024 * 1024;
    /** The largest AES-GCM ciphertext of a secret value: the value plus the 16-byte tag. */
    public static final int MAX_ENCRYPTED_SECRET_SIZE = MAX_SECRET_SIZE + 16;
    /** A sealed name or key: HPKE over at most a 32-byte key or a 32-character name, with room to spare. */
    public static final int MAX_SEALED_SIZE = 256;
    /** Signatures may be at most this many seconds from the server's clock. */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private Limits() {}
}
