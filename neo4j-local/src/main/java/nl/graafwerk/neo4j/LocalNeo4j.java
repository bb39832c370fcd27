package nl.graafwerk.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with Bolt on a loopback address until it receives SIGTERM.
 *
 * <p>System properties: neo4j.home (store folder), neo4j.host, neo4j.bolt (port), neo4j.http (port, 0 = off),
 * neo4j.pagecache.mb. Environment: NEO4J_PASSWORD (auth is on with this password; required).
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("neo4j.home", ".neo4j")).toAbsolutePath();
    String host = System.getProperty("neo4j.host", "127.0.0.1");
    SocketAddress bolt = new SocketAddress(host, Integer.getInteger("neo4j.bolt", 7687));
    int httpPort = Integer.getInteger("neo4j.http", 0);
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_FAILED NEO4J_PASSWORD must be set and at least 8 characters long");
      System.exit(2);
    }

    Files.createDirectories(home);
    Path extra = home.resolve("extra.conf");
    // Keys without a public Setting constant: no usage report, fast and quiet shutdown.
    Files.writeString(extra, String.join("\n",
        "dbms.usage_report.enabled=false",
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
        "internal.dbms.dump_diagnostics=false",
        ""));

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, bolt)
        .setConfig(BoltConnector.advertised_address, bolt)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory,
            ByteUnit.mebiBytes(Integer.getInteger("neo4j.pagecache.mb", 128)))
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(20))
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        .setConfig(GraphDatabaseSettings.debug_log_enabled, false)
        .loadPropertiesFromFile(extra);
    if (httpPort > 0) {
      builder.setConfig(HttpConnector.enabled, true)
          .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort));
    }

    DatabaseManagementService dbms = builder.build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
    }));
    dbms.database("neo4j").executeTransactionally("RETURN 1");
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException samePassword) {
      // The store was kept from an earlier run with this password already set.
    }
    System.out.println("NEO4J_READY bolt://" + host + ":" + bolt.getPort());
    Thread.currentThread().join();
  }
}
