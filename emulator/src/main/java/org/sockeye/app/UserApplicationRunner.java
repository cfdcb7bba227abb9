package org.sockeye.app;

import java.lang.reflect.InvocationTargetException;
import org.sockeye.config.JavaAppSpec;
import org.sockeye.config.UserClasses;

/** Runs a {@link UserApplication}: instantiates its class and calls it at start and stop. */
final class UserApplicationRunner extends Application {
    private final UserApplication app;
    private final UserContext context;

    UserApplicationRunner(JavaAppSpec spec, Applications.Context ctx) {
        super(spec, ctx.network().host(spec.node()));
        try {
            this.app = (UserApplication) Class.forName(spec.className(), true, UserClasses.loader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException(spec.name() + ": cannot create " + spec.className() + ": " + cause, cause);
        }
        this.context = new UserContext(spec, ctx.network(), ctx.results().register(spec, "java"));
    }

    @Override
    protected void start() {
        app.start(context);
    }

    @Override
    protected void stop() {
        app.stop(context);
    }
}
