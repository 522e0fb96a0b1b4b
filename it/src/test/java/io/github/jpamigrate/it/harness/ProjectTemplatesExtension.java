package io.github.jpamigrate.it.harness;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test method its own, freshly emptied work folder named after the test class and method. */
final class ProjectTemplatesExtension implements ParameterResolver {

    /** Folders handed out in this JVM: a repeated or parameterized test gets a numbered sibling. */
    private static final Set<Path> HANDED_OUT = ConcurrentHashMap.newKeySet();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProjectTemplates.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BuildEnvironment environment = BuildEnvironment.get();
        Path base = environment.workspace
                .resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
        Path folder = base;
        for (int n = 2; !HANDED_OUT.add(folder); n++) {
            folder = base.resolveSibling(base.getFileName() + "-" + n);
        }
        return new ProjectTemplates(environment, folder);
    }
}
