package org.sockeye.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockeye.app.http.HttpClient;
import org.sockeye.app.http.HttpServer;
import org.sockeye.config.AppSpec;
import org.sockeye.config.EchoClientSpec;
import org.sockeye.config.EchoServerSpec;
import org.sockeye.config.KvClientSpec;
import org.sockeye.config.KvServerSpec;
import org.sockeye.config.JavaAppSpec;
import org.sockeye.config.HttpClientSpec;
import org.sockeye.config.HttpServerSpec;
import org.sockeye.config.TcpBulkSpec;
import org.sockeye.config.TcpSinkSpec;
import org.sockeye.config.UdpCbrSpec;
import org.sockeye.config.UdpOnOffSpec;
import org.sockeye.config.UdpSinkSpec;
import org.sockeye.net.Network;

/**
 * Builds the application for each spec: one factory per spec type, one registration line per
 * family. Also holds what applications measure ({@link AppStats}), for {@code apps.csv}.
 */
public final class Applications {
    /** What a factory gets: the network, the flow table (traffic apps) and the application results. */
    public record Context(Network network, FlowTable flows, Applications results) {
    }

    @FunctionalInterface
    public interface Factory<S extends AppSpec> {
        Application create(S spec, Context ctx);
    }

    private static final Map<Class<?>, Factory<?>> FACTORIES = new LinkedHashMap<>();

    static {
        register(UdpCbrSpec.class, (s, c) -> new UdpSource(s, c.network(), c.flows()));
        register(UdpOnOffSpec.class, (s, c) -> new UdpSource(s, c.network(), c.flows()));
        register(UdpSinkSpec.class, (s, c) -> new UdpSink(s, c.network(), c.flows()));
        register(TcpBulkSpec.class, (s, c) -> new TcpBulkSend(s, c.network(), c.flows()));
        register(TcpSinkSpec.class, (s, c) -> new TcpSink(s, c.network(), c.flows()));
        register(EchoServerSpec.class, (s, c) -> new EchoServer(s, c.network(), c.results()));
        register(EchoClientSpec.class, (s, c) -> new EchoClient(s, c.network(), c.results()));
        register(KvServerSpec.class, (s, c) -> new KvServer(s, c.network(), c.results()));
        register(KvClientSpec.class, (s, c) -> new KvClient(s, c.network(), c.results()));
        register(JavaAppSpec.class, UserApplicationRunner::new);
        register(HttpServerSpec.class, HttpServer::new);
        register(HttpClientSpec.class, HttpClient::new);
    }

    private static <S extends AppSpec> void register(Class<S> type, Factory<S> factory) {
        FACTORIES.put(type, factory);
    }

    private final List<AppStats> stats = new ArrayList<>();

    /** The application for {@code spec}. */
    @SuppressWarnings("unchecked")
    public static Application create(AppSpec spec, Context ctx) {
        Factory<AppSpec> f = (Factory<AppSpec>) FACTORIES.get(spec.getClass());
        if (f == null) {
            throw new IllegalArgumentException("no implementation for application type " + spec.getClass().getSimpleName());
        }
        return f.create(spec, ctx);
    }

    /** New statistics for an application that measures operations (a row of apps.csv). */
    public AppStats register(AppSpec spec, String type) {
        return register(spec, spec.name(), type);
    }

    /** New statistics for a part of an application (its connects, say): a row of apps.csv named {@code name}. */
    public AppStats register(AppSpec spec, String name, String type) {
        AppStats s = new AppStats(name, spec.name(), type, spec.node(), spec.startPs(), spec.stopPs());
        stats.add(s);
        return s;
    }

    public List<AppStats> stats() {
        return Collections.unmodifiableList(stats);
    }
}
