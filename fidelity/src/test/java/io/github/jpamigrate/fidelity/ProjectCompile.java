package io.github.jpamigrate.fidelity;

import com.fasterxml.jackson.core.JsonFactory;
import com.palantir.javapoet.JavaFile;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.processor.JpaMigrateProcessor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The project's sources compiled by the JDK this JVM runs on, with our processor (and the
 * project's own, such as Lombok) on the processor path, as the project's build would run it.
 *
 * @param classes     the class output (with {@code META-INF/jpa-migrate/model.json} when the processor wrote it)
 * @param ourMessages the processor's {@code [JMnnn]} diagnostics, one line each with file and line
 * @param javacErrors javac's own errors (the sources do not compile on this JDK / class path)
 * @param descriptor  the descriptor the processor wrote, or null
 */
record ProjectCompile(Path classes, List<String> ourMessages, List<String> javacErrors, SchemaModel descriptor) {

    static final String DESCRIPTOR = "META-INF/jpa-migrate/model.json";

    /**
     * @param withOurs whether our processor runs; without it, only the classes Hibernate needs are made
     *                 (when ours stopped the compile with an error)
     */
    static ProjectCompile run(ExtractedProject project, String ormLine, boolean withOurs, Path out) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath(project));
            List<Path> processorPath = new ArrayList<>(project.processors());
            if (withOurs) {
                processorPath.addAll(ourProcessorPath());
            }
            files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, processorPath);
            List<String> options = new ArrayList<>(List.of("-Xmaxerrs", "100000", "-Xmaxwarns", "100000",
                    "-Ajpamigrate.naming=" + project.naming(), "-Ajpamigrate.orm=" + ormLine));
            // since JDK 23 javac runs processors only when told; -proc:full is known from JDK 21 on
            if (processorPath.isEmpty()) {
                options.add("-proc:none");
            } else if (Runtime.version().feature() >= 21) {
                options.add("-proc:full");
            }
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(project.sources())).call();
        }
        return collect(diagnostics.getDiagnostics(), out, project);
    }

    private static ProjectCompile collect(List<Diagnostic<? extends JavaFileObject>> all, Path out, ExtractedProject project) throws IOException {
        List<String> ours = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : all) {
            String message = d.getMessage(Locale.ROOT);
            if (message.startsWith("[JM")) {
                ours.add(d.getKind() + " " + where(d, project) + message);
            } else if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(where(d, project) + message);
            }
        }
        Path descriptor = out.resolve(DESCRIPTOR);
        SchemaModel model = Files.isRegularFile(descriptor) ? DescriptorJson.read(descriptor) : null;
        return new ProjectCompile(out, ours, errors, model);
    }

    /** Whether the processor stopped the compile with an error of its own. */
    boolean refusedByUs() {
        return ourMessages.stream().anyMatch(m -> m.startsWith("ERROR"));
    }

    private static String where(Diagnostic<? extends JavaFileObject> d, ExtractedProject project) {
        if (d.getSource() == null) {
            return "";
        }
        Path file = Path.of(d.getSource().toUri());
        Path src = project.dir().resolve("src");
        return (file.startsWith(src) ? src.relativize(file) : file) + ":" + d.getLineNumber() + ": ";
    }

    /**
     * The extracted class path and the project's processors (Lombok's annotations are on both), or
     * this JVM's own class path when the folder has none (a hand-made folder).
     */
    private static List<Path> classpath(ExtractedProject project) {
        if (!project.classpath().isEmpty()) {
            List<Path> all = new ArrayList<>(project.classpath());
            all.addAll(project.processors());
            return all;
        }
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream().map(Path::of).toList();
    }

    /** Where this JVM loaded the processor and what it needs from: the reactor's build of it. */
    static List<Path> ourProcessorPath() {
        return List.of(JpaMigrateProcessor.class, SchemaModel.class, JsonFactory.class, JavaFile.class).stream()
                .map(ProjectCompile::location).distinct().toList();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
