import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j 5.26 Community DBMS with only the Bolt connector, on loopback, for development and tests.
 *
 * Usage: java -cp CLASSPATH LocalNeo4j.java DATA_DIR [BOLT_PORT]
 *
 * - BOLT_PORT 0 (the default) lets the OS pick a free port; the port actually bound is printed on
 *   stdout as one line "NEO4J_READY bolt://127.0.0.1:PORT" once the database accepts work.
 * - The process lives exactly as long as its parent: it stops the DBMS cleanly when its standard
 *   input closes (the parent exited, even by SIGKILL) or on SIGINT/SIGTERM. No orphan JVMs.
 * - Authentication is off: the connector listens on 127.0.0.1 only.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LocalNeo4j DATA_DIR [BOLT_PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt's defaults wait two quiet periods of 5 s each for clients that are already
                // gone; a development server that stops with its parent need not.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            synchronized (LocalNeo4j.class) {
                if (stopped.getCount() == 0) return;
                try {
                    dbms.shutdown();
                } finally {
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        int boundPort = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + boundPort);
        System.out.flush();

        // The parent holds our stdin open; EOF means it is gone.
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() != -1) { /* ignore input */ }
            } catch (IOException ignored) {
                // a broken pipe is EOF too
            }
            stop.run();
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
    }
}
