package io.secrethub.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * moto_server, a real third-party AWS emulator (KMS, STS, IAM), on a free loopback port. Its IAM
 * enforcement is switched on after set-up, so signatures and policies are really checked. Stopped by
 * its own PID.
 */
final class MotoServer implements AutoCloseable {
    static final String ACCOUNT = "123456789012";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MotoServer start(Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited; is it installed? (python3 -m pip install 'moto[server]')");
            }
            try {
                if (moto.get("/moto-api/").statusCode() == 200) {
                    return moto;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        moto.close();
        throw new IllegalStateException("moto_server did not start within 30 s");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** From now on every request's SigV4 signature and IAM policy are checked. */
    void enforceIam() throws Exception {
        enforceIamAfter(0);
    }

    /**
     * Lets the next {@code requests} requests through unchecked, then checks every one. moto 5.2.1
     * answers 500 to an unsigned {@code AssumeRoleWithWebIdentity} while it enforces IAM (real STS
     * takes it unsigned), so the EKS test lets exactly that first call through.
     */
    void enforceIamAfter(int requests) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/moto-api/reset-auth"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(Integer.toString(requests))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("could not switch on moto's IAM enforcement: " + r.body());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        http.close();
    }
}
