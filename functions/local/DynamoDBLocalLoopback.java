import java.lang.reflect.Field;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local from its own command-line parser, with two differences from its main
 * class (software.amazon.dynamodb.services.local.main.ServerRunner):
 *
 * 1. Its Jetty server listens on 127.0.0.1 only. DynamoDB Local has no host option: it builds
 *    `new org.eclipse.jetty.server.Server(port)`, whose connector binds every interface, and no
 *    system property changes that. So we take that Jetty server (a private field, found by type
 *    rather than by name) and set the host on its connectors before it is started.
 * 2. With -Dportal.exitWithParent=true it exits when its standard input reaches end-of-file. Node
 *    spawns it with stdin as a pipe; the kernel closes that pipe whenever the Node process ends,
 *    even on `kill -9`, so Java never outlives the portal holding .data/ (Linux, macOS, Windows).
 *
 * Run by Java's single-file source launcher (`java -cp DynamoDBLocal.jar DynamoDBLocalLoopback.java
 * -port ...`, see dynamodb-launch.ts), so no compiled class is checked in. Anything unexpected
 * (a DynamoDB Local release built differently) fails the start rather than listening publicly.
 */
public class DynamoDBLocalLoopback {
  private static final String LOOPBACK = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Server jetty = jettyServerOf(proxy);
    bindToLoopback(jetty);
    if (Boolean.getBoolean("portal.exitWithParent")) exitWhenStdinCloses();
    // safeStart, unlike start, throws when the port is taken instead of printing and carrying on.
    proxy.safeStart();
    System.out.println("DynamoDB Local listening on " + LOOPBACK + ":" + ((AbstractNetworkConnector) jetty.getConnectors()[0]).getLocalPort());
    proxy.join();
  }

  private static Server jettyServerOf(DynamoDBProxyServer proxy) throws IllegalAccessException {
    for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
      if (field.getType() == Server.class) {
        field.setAccessible(true);
        return (Server) field.get(proxy);
      }
    }
    throw new IllegalStateException("DynamoDB Local no longer keeps a Jetty Server in DynamoDBProxyServer; update DynamoDBLocalLoopback.java");
  }

  private static void bindToLoopback(Server jetty) {
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local's Jetty server has no connector; update DynamoDBLocalLoopback.java");
    for (Connector connector : connectors) {
      if (!(connector instanceof AbstractNetworkConnector network)) {
        throw new IllegalStateException("Unexpected Jetty connector " + connector.getClass().getName() + "; update DynamoDBLocalLoopback.java");
      }
      network.setHost(LOOPBACK);
    }
  }

  private static void exitWhenStdinCloses() {
    Thread watchdog = new Thread(() -> {
      byte[] buffer = new byte[256];
      try {
        while (System.in.read(buffer) != -1) {
          // The parent never writes; anything it does send is ignored.
        }
      } catch (java.io.IOException closed) {
        // A broken pipe means the same as end-of-file: the parent is gone.
      }
      System.err.println("DynamoDB Local: the portal process is gone (stdin closed); exiting.");
      System.exit(0);
    }, "portal-parent-watchdog");
    watchdog.setDaemon(true); // never what keeps the JVM alive
    watchdog.start();
  }
}
