package io.leadstream.tools.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real listening socket that accepts connections and never reads or answers: what a peer instance
 * looks like to the others while it is hung (SIGSTOP, a long GC pause, a dead process behind a live
 * kernel).
 */
public final class HungPeer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private HungPeer(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::acceptForever, "hung-peer-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a free loopback port. */
  public static HungPeer start() throws IOException {
    return new HungPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Waits until someone has connected to the peer. */
  public void awaitConnection(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (accepted.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no one connected to the hung peer within " + timeout);
      }
      Thread.sleep(10);
    }
  }

  private void acceptForever() {
    try {
      while (!server.isClosed()) {
        accepted.add(server.accept());
      }
    } catch (IOException closed) {
      // close() ends the loop
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
