package io.github.jpamigrate.processor;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.Diagnostics;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import io.github.jpamigrate.processor.jpa.Namespace;
import io.github.jpamigrate.processor.scan.Naming;
import io.github.jpamigrate.processor.scan.OrmRules;
import io.github.jpamigrate.processor.scan.ScanContext;
import io.github.jpamigrate.processor.scan.SchemaScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Collects the entity and converter classes of every round and, when javac is done, writes the
 * model descriptor {@code META-INF/jpa-migrate/model.json} to the class output. It never claims
 * the annotations, so other processors (such as Hibernate's metamodel generator) still see them.
 */
public final class JpaMigrateProcessor extends AbstractProcessor {

    private static final List<String> ANNOTATIONS = List.of(Jpa.ENTITY, Jpa.MAPPED_SUPERCLASS, Jpa.EMBEDDABLE,
            Jpa.CONVERTER);

    /** Class names, not elements: elements of earlier rounds must not be reused in the last one. */
    private final Set<String> entities = new TreeSet<>();
    private final Set<String> converters = new TreeSet<>();
    private Diagnostics diagnostics;
    private ProcessorOptions options;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        diagnostics = new Diagnostics(env.getMessager());
        options = ProcessorOptions.parse(env.getOptions(), env.getElementUtils(), diagnostics);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new TreeSet<>();
        for (Namespace ns : Namespace.values()) {
            ANNOTATIONS.forEach(a -> names.add(ns.qualify(a)));
        }
        return names;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ProcessorOptions.NAMING, ProcessorOptions.ORM);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            collect(annotations, round);
            if (round.processingOver() && options.valid() && !round.errorRaised()) {
                writeDescriptor();
            }
        } catch (RuntimeException | IOException | LinkageError unexpected) {
            diagnostics.report(Diagnostic.INTERNAL_ERROR, null, "the entity model", unexpected);
        }
        return false;
    }

    private void collect(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        MappingAnnotations mapping = new MappingAnnotations(processingEnv.getElementUtils());
        for (TypeElement annotation : annotations) {
            String simple = Namespace.simpleJpaName(annotation.getQualifiedName().toString());
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (!(element instanceof TypeElement type)) {
                    continue;
                }
                if (Jpa.ENTITY.equals(simple)) {
                    entities.add(type.getQualifiedName().toString());
                } else if (Jpa.CONVERTER.equals(simple) && mapping.jpa(type, Jpa.CONVERTER)
                        .map(c -> c.bool("autoApply")).orElse(false)) {
                    converters.add(type.getQualifiedName().toString());
                }
            }
        }
    }

    private void writeDescriptor() throws IOException {
        DescriptorFile file = new DescriptorFile(processingEnv.getFiler());
        Set<String> all = new TreeSet<>(entities);
        all.addAll(previouslyCompiledEntities(file));
        if (all.isEmpty()) {
            return;
        }
        List<TypeElement> types = new ArrayList<>();
        MappingAnnotations mapping = new MappingAnnotations(processingEnv.getElementUtils());
        for (String name : all) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null && mapping.hasJpa(type, Jpa.ENTITY)) {
                types.add(type);
            }
        }
        ScanContext ctx = new ScanContext(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                new Naming(options.naming(), new OrmRules(options.orm())), new OrmRules(options.orm()), diagnostics,
                converterTypes());
        SchemaModel model = new SchemaScanner(ctx).scan(types, producer());
        if (!diagnostics.hasErrors()) {
            file.write(model, types.toArray(new Element[0]));
        }
    }

    /** Entities listed by the descriptor of an earlier compilation into the same output (incremental builds). */
    private Set<String> previouslyCompiledEntities(DescriptorFile file) {
        Set<String> names = new TreeSet<>();
        Optional<String> previous;
        try {
            previous = file.readPrevious();
        } catch (IOException e) {
            diagnostics.report(Diagnostic.PREVIOUS_DESCRIPTOR_UNREADABLE, null, DescriptorFile.PATH, e.getMessage());
            return names;
        }
        if (previous.isEmpty()) {
            return names;
        }
        try {
            for (Table table : DescriptorJson.read(previous.get(), DescriptorFile.PATH).tables()) {
                names.addAll(table.entities());
            }
        } catch (DescriptorException e) {
            diagnostics.report(Diagnostic.PREVIOUS_DESCRIPTOR_UNREADABLE, null, DescriptorFile.PATH, e.getMessage());
        }
        return names;
    }

    private List<TypeElement> converterTypes() {
        List<TypeElement> out = new ArrayList<>();
        for (String name : converters) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                out.add(type);
            }
        }
        return out;
    }

    /** {@code jpa-migrate-processor <version>}, the version from the resource Maven filtered at build time. */
    static String producer() {
        Properties p = new Properties();
        try (InputStream in = JpaMigrateProcessor.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": the descriptor stays valid without a version
        }
        return "jpa-migrate-processor " + p.getProperty("version", "unknown");
    }
}
