package io.github.jpamigrate.processor;

import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.emit.IncrementalState;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import io.github.jpamigrate.processor.scan.MappingSignature;
import io.github.jpamigrate.processor.scan.ModelInputs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * An incremental compile whose changed classes cannot change the model: then the previous compilation's
 * descriptor is the model, byte for byte, and no entity is read. That holds when a valid
 * {@link IncrementalState} was left by the compilation that wrote the descriptor in the class output (same
 * processor, same resolved options, the descriptor's hash), no class of this compilation is a new entity
 * or a new auto-applied converter, and every class the last scan could read has the same
 * {@link MappingSignature} as then (an edited method body or a helper method changes none). Those
 * classes are looked up, but not scanned: javac reads their class files, the mapping is not worked out. Anything else, a package-info among them, gives the
 * full scan. After a full scan the state is written anew, or made invalid when no descriptor came of it.
 */
final class IncrementalCompile {

    private final Filer filer;
    private final Elements elements;
    private final String producer;
    private final String options;
    /** The classes (nested ones included) of every round so far. */
    private final Map<String, TypeElement> roots = new TreeMap<>();
    /** The classes of this compilation already found with their recorded signature (a class is a root of one round only). */
    private final Set<String> rootsAsRecorded = new TreeSet<>();
    /** Whether a class of this compilation was found with another signature: no reuse, whatever comes after. */
    private boolean rootChanged;
    private boolean otherRoots;
    private Optional<IncrementalState> previous;
    private Optional<byte[]> previousDescriptor;
    /** Whether the class output and class path still hold what the state describes (checked once), else null. */
    private Boolean outputAsLeft;
    private boolean stateWritten;

    IncrementalCompile(Filer filer, Elements elements, String producer, ProcessorOptions options) {
        this.filer = filer;
        this.elements = elements;
        this.producer = producer;
        this.options = "naming=" + options.naming().optionValue() + " orm=" + options.orm().id() + " schemaClass="
                + (!options.schemaCheck() ? ProcessorOptions.SCHEMA_CLASS_OFF
                : options.schemaClass() == null ? "" : options.schemaClass());
    }

    /** Notes the round's classes; a package or module among them rules reuse out. */
    void round(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                addWithNested(type);
            } else {
                otherRoots = true;
            }
        }
    }

    private void addWithNested(TypeElement type) {
        roots.put(type.getQualifiedName().toString(), type);
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                addWithNested(nested);
            }
        }
    }

    /**
     * The descriptor of the previous compilation into this output, read once.
     *
     * @throws IOException when it is there but cannot be read
     */
    Optional<byte[]> previousDescriptor() throws IOException {
        if (previousDescriptor == null) {
            previousDescriptor = Optional.empty();
            previousDescriptor = new DescriptorFile(filer).readPrevious();
        }
        return previousDescriptor;
    }

    /** The state the previous compilation left, read once. */
    Optional<IncrementalState> previousState() {
        if (previous == null) {
            previous = IncrementalState.read(filer).filter(s -> s.producer().equals(producer) && s.options().equals(options));
        }
        return previous;
    }

    /** The auto-applied converters the previous full scan used: a full scan of this compilation uses them too. */
    Set<String> previousConverters() {
        return previousState().map(IncrementalState::converters).orElse(Set.of());
    }

    /**
     * The previous compilation's state when its descriptor is this compilation's model, else empty: every
     * class the last scan could read is still there with the same signature (those of this compilation from
     * their sources, the others from their class files, wherever on the class path), and the descriptor in
     * the class output is the one written with the state. The classes are all compared, not only this
     * compilation's: a class without mapping annotations (an enum, an id class) may have been recompiled
     * by a compilation this processor did not run in, and another module's classes change without any
     * compilation here.
     *
     * @param entities   the entity classes of this compilation's rounds
     * @param converters the auto-applied converters of this compilation's rounds
     */
    Optional<IncrementalState> unchanged(Set<String> entities, Set<String> converters, MappingAnnotations mapping) {
        Optional<IncrementalState> state = previousState();
        if (state.isEmpty() || otherRoots || !state.get().entities().containsAll(entities)
                || !state.get().converters().containsAll(converters)) {
            return Optional.empty();
        }
        // each class is compared once per compilation: the schema class's round and the last round both ask
        for (Map.Entry<String, TypeElement> root : roots.entrySet()) {
            if (rootChanged || rootsAsRecorded.contains(root.getKey())) {
                continue;
            }
            MappingSignature before = state.get().inputs().get(root.getKey());
            if (before != null && !MappingSignature.of(root.getValue(), mapping).sameAs(before, true)) {
                rootChanged = true;
            } else {
                rootsAsRecorded.add(root.getKey());
            }
        }
        if (rootChanged) {
            return Optional.empty();
        }
        return outputAsLeft(state.get(), mapping) ? state : Optional.empty();
    }

    /** Whether the descriptor and the classes not compiled now are as the state describes them (checked once). */
    private boolean outputAsLeft(IncrementalState state, MappingAnnotations mapping) {
        if (outputAsLeft == null) {
            try {
                outputAsLeft = previousDescriptor().map(d -> ModelHash.of(d).equals(state.modelHash())).orElse(false)
                        && state.inputs().entrySet().stream().filter(e -> !roots.containsKey(e.getKey())).allMatch(e -> {
                            TypeElement type = elements.getTypeElement(e.getKey());
                            return type != null && MappingSignature.of(type, mapping).sameAs(e.getValue(), false);
                        });
            } catch (IOException unreadable) {
                outputAsLeft = false;
            }
        }
        return outputAsLeft;
    }

    /** Records what the full scan of this compilation read, with the hash of the descriptor it wrote. */
    void scanned(List<TypeElement> entities, Set<String> converters, String modelHash, MappingAnnotations mapping)
            throws IOException {
        if (stateWritten) {
            return;
        }
        stateWritten = true;
        Set<String> names = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        for (TypeElement entity : entities) {
            names.add(entity.getQualifiedName().toString());
            packages.add(elements.getPackageOf(entity).getQualifiedName().toString());
        }
        Map<String, TypeElement> read = new TreeMap<>(ModelInputs.of(entities));
        for (String converter : converters) {
            TypeElement type = elements.getTypeElement(converter);
            if (type != null) {
                read.put(converter, type);
            }
        }
        Map<String, MappingSignature> inputs = new TreeMap<>();
        read.forEach((name, type) -> inputs.put(name, MappingSignature.of(type, mapping).recorded(roots.containsKey(name))));
        new IncrementalState(producer, options, modelHash, names, packages, new TreeSet<>(converters), inputs).write(filer);
    }

    /**
     * At the end of a compilation that wrote no new state: when it scanned (or had entities) without writing
     * a descriptor, no later compilation may trust the state an earlier one left.
     */
    void finish(boolean reused, boolean hadEntities) throws IOException {
        if (stateWritten || reused || !hadEntities && previousState().isEmpty()) {
            return;
        }
        stateWritten = true;
        IncrementalState.writeInvalid(filer);
    }
}
