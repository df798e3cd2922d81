package io.leadstream.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports nothing listens on now, for listeners that must be named before they start. */
public final class FreePorts {

  private FreePorts() {}

  /**
   * {@code count} different free ports. Each socket stays open until all are chosen: a port asked
   * for once it is closed again can come back twice (as a broker's client and controller ports).
   */
  public static int[] distinct(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        socket.setReuseAddress(true);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("could not find " + count + " free ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // the port was only probed
        }
      }
    }
  }
}
