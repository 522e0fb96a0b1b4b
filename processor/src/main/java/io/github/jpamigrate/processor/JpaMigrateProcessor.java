package io.github.jpamigrate.processor;

import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.Diagnostics;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.emit.IncrementalState;
import io.github.jpamigrate.processor.emit.SchemaClassName;
import io.github.jpamigrate.processor.emit.SchemaClassWriter;
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
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Collects the entity and converter classes of every round and, when javac is done, writes the
 * model descriptor {@code META-INF/jpa-migrate/model.json} to the class output; in the first round with
 * entities it also generates the runtime schema check class ({@code -Ajpamigrate.schemaClass}). It never claims
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
    /** The schema check class once written (or attempted), else null. */
    private WrittenSchemaClass schemaClass;
    /**
     * The scan the schema check class was written from, while the last round may reuse it: it found
     * nothing to report, and no later round brought a source or class other than the schema class.
     */
    private FirstScan firstScan;
    /** The entities the previous compilation's descriptor lists, once read (incremental builds). */
    private Set<String> previousEntities;
    /** What the previous compilation into this output left, and whether its descriptor is this one's model. */
    private IncrementalCompile incremental;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        diagnostics = new Diagnostics(env.getMessager());
        options = ProcessorOptions.parse(env.getOptions(), env.getElementUtils(), diagnostics);
        incremental = new IncrementalCompile(env.getFiler(), env.getElementUtils(), producer(), options);
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
        return Set.of(ProcessorOptions.NAMING, ProcessorOptions.ORM, ProcessorOptions.SCHEMA_CLASS);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            incremental.round(round);
            collect(annotations, round);
            if (firstScan != null && !onlySchemaClassIn(round)) {
                firstScan = null;
            }
            if (!options.valid() || round.errorRaised()) {
                if (round.processingOver()) {
                    incremental.finish(false, !entities.isEmpty());
                }
                return false;
            }
            if (round.processingOver()) {
                writeDescriptor();
            } else if (options.schemaCheck() && schemaClass == null) {
                writeSchemaClass();
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

    /**
     * Whether the round's new types are at most the schema check class: then javac's model of the
     * entities is the one the first scan saw.
     */
    private boolean onlySchemaClassIn(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (!(root instanceof TypeElement type && schemaClass != null
                    && type.getQualifiedName().contentEquals(schemaClass.name()))) {
                return false;
            }
        }
        return true;
    }

    private void writeDescriptor() throws IOException {
        Optional<IncrementalState> unchanged = incremental.unchanged(entities, converters, mapping());
        if (unchanged.isPresent() && (schemaClass == null || schemaClass.hash() == null
                || schemaClass.hash().equals(unchanged.get().modelHash()))) {
            // the previous compilation's descriptor is this model: written again as it was
            firstScan = null;
            new DescriptorFile(processingEnv.getFiler()).write(incremental.previousDescriptor().orElseThrow());
            return;
        }
        Optional<ScannedModel> scanned = reuseFirstScan().or(() -> scan(diagnostics));
        byte[] serialised = firstScan != null && scanned.isPresent() && scanned.get().model() == firstScan.model()
                ? firstScan.descriptor() : null;
        firstScan = null;
        if (scanned.isEmpty()) {
            incremental.finish(false, !entities.isEmpty());
            return;
        }
        SchemaModel model = scanned.get().model();
        DescriptorFile file = new DescriptorFile(processingEnv.getFiler());
        byte[] written = serialised != null ? file.write(serialised, scanned.get().originating())
                : file.write(model, scanned.get().originating());
        // the first round's bytes were hashed for the class already; other bytes are hashed here
        String hash = schemaClass != null && schemaClass.hash() != null && written == schemaClass.descriptor()
                ? schemaClass.hash() : ModelHash.of(written);
        incremental.scanned(scanned.get().types(), converterNames(), hash, mapping());
        if (schemaClass != null && schemaClass.hash() != null && !schemaClass.hash().equals(hash)) {
            Set<String> late = new TreeSet<>(scanned.get().entityNames());
            late.removeAll(schemaClass.entityNames());
            String names = late.isEmpty() ? "a change of the model" : String.join(", ", late);
            diagnostics.report(Diagnostic.SCHEMA_CLASS_INCOMPLETE, null, schemaClass.name(), names, names);
            // the class reads the descriptor with its own hash: keep that one beside it
            new SchemaClassWriter(processingEnv.getFiler(), processingEnv.getElementUtils(), producer())
                    .writeOwnDescriptor(schemaClass.name(), schemaClass.descriptor(), scanned.get().originating());
        } else if (schemaClass == null && options.schemaCheck() && !UnresolvedTypes.anyIn(scanned.get().types())) {
            // (while types are still missing, javac reports them itself)
            diagnostics.report(Diagnostic.SCHEMA_CLASS_NOT_GENERATED, null);
        }
    }

    /**
     * Writes the runtime schema check class in the first round that has entities, not at the end:
     * a source created in the last round is not compiled without a warning. Entities another processor
     * generates in a later round are caught at the end ({@link Diagnostic#SCHEMA_CLASS_INCOMPLETE}).
     * The scan here reports nothing: a mapping error, or a type that another processor has not generated
     * yet, leaves it to a later round, and the scan of the last round reports what is still wrong.
     * When the class output already holds the class with this model's hash (an incremental compile that
     * left the model as it was), it is not written again: no source, so no extra round.
     */
    private void writeSchemaClass() throws IOException {
        Optional<IncrementalState> unchanged = incremental.unchanged(entities, converters, mapping());
        if (unchanged.isPresent()) {
            writeSchemaClass(unchanged.get());
            return;
        }
        Diagnostics quiet = Diagnostics.quiet();
        Optional<ScannedModel> scanned = scan(quiet);
        if (scanned.isEmpty() || UnresolvedTypes.anyIn(scanned.get().types())) {
            return;
        }
        ScannedModel found = scanned.get();
        String name = options.schemaClass() != null ? options.schemaClass()
                : SchemaClassName.forEntities(found.packages(processingEnv.getElementUtils()));
        SchemaClassWriter writer = new SchemaClassWriter(processingEnv.getFiler(), processingEnv.getElementUtils(),
                producer());
        // serialised once: the class holds the hash of these bytes, and the last round writes them when it can
        byte[] descriptor = DescriptorJson.writeBytes(found.model());
        String hash = ModelHash.of(descriptor);
        try {
            if (!writer.isCurrent(name, hash)) {
                writer.write(name, hash, found.originating());
            }
            schemaClass = new WrittenSchemaClass(name, hash, descriptor, found.entityNames());
            if (!quiet.reportedAny()) {
                firstScan = new FirstScan(found.model(), descriptor, found.entityNames(), found.scanned(),
                        converterNames());
            }
        } catch (FilerException e) {
            diagnostics.report(Diagnostic.SCHEMA_CLASS_NOT_WRITTEN, null, name, e.getMessage());
            schemaClass = new WrittenSchemaClass(name, null, null, Set.of());
        }
    }

    /** The schema check class of an unchanged model: the class output already holds it, unless the name changed. */
    private void writeSchemaClass(IncrementalState unchanged) throws IOException {
        String name = options.schemaClass() != null ? options.schemaClass()
                : SchemaClassName.forEntities(unchanged.packages());
        SchemaClassWriter writer = new SchemaClassWriter(processingEnv.getFiler(), processingEnv.getElementUtils(),
                producer());
        try {
            if (!writer.isCurrent(name, unchanged.modelHash())) {
                writer.write(name, unchanged.modelHash());
            }
            schemaClass = new WrittenSchemaClass(name, unchanged.modelHash(), incremental.previousDescriptor().orElseThrow(),
                    unchanged.entities());
        } catch (FilerException e) {
            diagnostics.report(Diagnostic.SCHEMA_CLASS_NOT_WRITTEN, null, name, e.getMessage());
            schemaClass = new WrittenSchemaClass(name, null, null, Set.of());
        }
    }

    private MappingAnnotations mapping() {
        return new MappingAnnotations(processingEnv.getElementUtils());
    }

    /**
     * The model of every entity known so far: this compilation's and those an earlier compilation into
     * the same output listed (incremental builds). Empty when there are none or the scan found errors.
     */
    private Optional<ScannedModel> scan(Diagnostics report) {
        Set<String> all = entitiesToScan();
        if (all.isEmpty()) {
            return Optional.empty();
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
                new Naming(options.naming(), new OrmRules(options.orm())), new OrmRules(options.orm()), report,
                converterTypes());
        SchemaModel model = new SchemaScanner(ctx).scan(types, producer());
        if (report.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ScannedModel(model, types, all));
    }

    /** The entity names a scan starts from: this compilation's and an earlier one's (incremental builds). */
    private Set<String> entitiesToScan() {
        if (previousEntities == null) {
            // read once: the class output's descriptor is the previous compilation's until the last round writes it
            previousEntities = previouslyCompiledEntities();
        }
        Set<String> all = new TreeSet<>(entities);
        all.addAll(previousEntities);
        return all;
    }

    /**
     * The first scan's model for the last round, when nothing it depended on changed: the same entity
     * names and auto-applied converters, no type added since (see {@link #onlySchemaClassIn}), and a
     * scan that had nothing to report. Scanning again would give the same model and report nothing;
     * only the entity classes are looked up again (elements of earlier rounds are not reused).
     */
    private Optional<ScannedModel> reuseFirstScan() {
        if (firstScan == null || !firstScan.converters().equals(converterNames())) {
            return Optional.empty();
        }
        Set<String> all = entitiesToScan();
        if (!all.equals(firstScan.scanned())) {
            return Optional.empty();
        }
        List<TypeElement> types = new ArrayList<>();
        for (String name : firstScan.entityNames()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                return Optional.empty();
            }
            types.add(type);
        }
        return Optional.of(new ScannedModel(firstScan.model(), types, all));
    }

    /** Entities listed by the descriptor of an earlier compilation into the same output (incremental builds). */
    private Set<String> previouslyCompiledEntities() {
        try {
            Optional<byte[]> previous = incremental.previousDescriptor();
            return previous.isEmpty() ? Set.of() : DescriptorFile.entitiesIn(previous.get());
        } catch (IOException e) {
            diagnostics.report(Diagnostic.PREVIOUS_DESCRIPTOR_UNREADABLE, null, DescriptorFile.PATH, e.getMessage());
            return Set.of();
        }
    }

    private List<TypeElement> converterTypes() {
        List<TypeElement> out = new ArrayList<>();
        for (String name : converterNames()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                out.add(type);
            }
        }
        return out;
    }

    /**
     * The auto-applied converters: this compilation's, and those the previous full scan into this output used
     * that are still there and still auto-applied (an incremental compile does not recompile them).
     */
    private Set<String> converterNames() {
        Set<String> names = new TreeSet<>(converters);
        MappingAnnotations mapping = mapping();
        for (String name : incremental.previousConverters()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null && mapping.jpa(type, Jpa.CONVERTER).map(c -> c.bool("autoApply")).orElse(false)) {
                names.add(name);
            }
        }
        return names;
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

    /** A scanned model, the entity classes it came from and the names the scan started from. */
    private record ScannedModel(SchemaModel model, List<TypeElement> types, Set<String> scanned) {

        Element[] originating() {
            return types.toArray(new Element[0]);
        }

        Set<String> entityNames() {
            Set<String> names = new TreeSet<>();
            types.forEach(t -> names.add(t.getQualifiedName().toString()));
            return names;
        }

        Set<String> packages(Elements elements) {
            Set<String> packages = new TreeSet<>();
            types.forEach(t -> packages.add(elements.getPackageOf(t).getQualifiedName().toString()));
            return packages;
        }
    }

    /** The scan of the round that wrote the schema check class, and its descriptor bytes, kept for the last round. */
    private record FirstScan(SchemaModel model, byte[] descriptor, Set<String> entityNames, Set<String> scanned,
                             Set<String> converters) {
    }

    /**
     * The schema check class written in an earlier round: its name, model hash (null: not written), the
     * descriptor bytes of that hash and its entities.
     */
    private record WrittenSchemaClass(String name, String hash, byte[] descriptor, Set<String> entityNames) {
    }
}
