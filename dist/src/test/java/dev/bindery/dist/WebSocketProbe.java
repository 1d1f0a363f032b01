package dev.bindery.dist;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal WebSocket client on a plain socket, using only the JDK: the opening handshake of
 * RFC 6455, then the first frame the server sends. Enough to prove that a proxy passes the
 * upgrade through; a library client would hide the very headers under test.
 */
final class WebSocketProbe
{
    // RFC 6455, section 1.3: the server proves it read the key by hashing it with this.
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int OPCODE_TEXT = 0x1;

    /** The handshake's response head (status line and headers), and the first frame's text. */
    record Exchange(String responseHead, boolean acceptMatches, String firstText) {}

    private WebSocketProbe() {}

    static Exchange firstTextFrame(InetSocketAddress address, String path) throws IOException
    {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);

        try (Socket socket = new Socket()) {
            socket.connect(address, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());

            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                return new Exchange(head, false, null);
            }
            boolean acceptMatches = head.toLowerCase()
                    .contains("sec-websocket-accept: " + expectedAccept(key).toLowerCase());
            String text = readTextFrame(in);

            // A close frame with no status: client frames are masked, here with a zero mask.
            out.write(new byte[] {(byte) 0x88, (byte) 0x80, 0, 0, 0, 0});
            out.flush();
            return new Exchange(head, acceptMatches, text);
        }
    }

    private static String readHead(DataInputStream in) throws IOException
    {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readTextFrame(DataInputStream in) throws IOException
    {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((first & 0x0F) != OPCODE_TEXT || (first & 0x80) == 0 || (second & 0x80) != 0) {
            throw new IOException(String.format(
                    "expected one unmasked, final text frame; got header bytes %02x %02x",
                    first, second));
        }

        // Seven bits of length, or 126 and then 16 bits, or 127 and then 64 bits.
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        }
        else if (length == 127) {
            length = in.readLong();
        }
        if (length > 1 << 20) {
            throw new IOException("a status frame of " + length + " bytes is not plausible");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static String expectedAccept(String key)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
