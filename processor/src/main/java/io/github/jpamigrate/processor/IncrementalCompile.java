package io.github.jpamigrate.processor;

import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.emit.IncrementalState;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
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
 * processor, same resolved options, the descriptor's hash), every entity it lists still has its class
 * file, no class of this compilation is a new entity or a new auto-applied converter, and each class of
 * this compilation that the last scan could read has the same {@link ModelInputs#signature} as then
 * (an edited method body, a helper method added), and so has each class it read from outside this output
 * (another module, a jar), which no build recompiles here when it changes. Anything else, a package-info among them, gives the
 * full scan. After a full scan the state is written anew, or made invalid when no descriptor came of it.
 */
final class IncrementalCompile {

    private final Filer filer;
    private final Elements elements;
    private final String producer;
    private final String options;
    /** The classes (nested ones included) of every round so far. */
    private final Map<String, TypeElement> roots = new TreeMap<>();
    private boolean otherRoots;
    private Optional<IncrementalState> previous;
    private Optional<byte[]> previousDescriptor;
    /** Whether the class output still holds what the state describes (checked once), else null. */
    private Boolean outputAsLeft;
    /** Whether the scan's classes from elsewhere are as they were (checked once), else null. */
    private Boolean externalAsLeft;
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
     * The previous compilation's state when its descriptor is this compilation's model, else empty.
     *
     * @param entities   the entity classes of this compilation's rounds
     * @param converters the auto-applied converters of this compilation's rounds
     */
    Optional<IncrementalState> unchanged(Set<String> entities, Set<String> converters, MappingAnnotations mapping) {
        Optional<IncrementalState> state = previousState();
        if (state.isEmpty() || otherRoots || !state.get().entities().keySet().containsAll(entities)
                || !state.get().converters().containsAll(converters)) {
            return Optional.empty();
        }
        for (Map.Entry<String, TypeElement> root : roots.entrySet()) {
            String before = state.get().inputs().get(root.getKey());
            if (before != null && !before.equals(ModelInputs.signature(root.getValue(), mapping))) {
                return Optional.empty();
            }
        }
        return outputAsLeft(state.get()) && externalAsLeft(state.get(), mapping) ? state : Optional.empty();
    }

    /** Whether the classes from outside this output (another module, a jar) that the scan read are as they were. */
    private boolean externalAsLeft(IncrementalState state, MappingAnnotations mapping) {
        if (externalAsLeft == null) {
            externalAsLeft = state.external().stream().allMatch(name -> {
                TypeElement type = elements.getTypeElement(name);
                return type != null && state.inputs().get(name).equals(ModelInputs.signature(type, mapping));
            });
        }
        return externalAsLeft;
    }

    private boolean outputAsLeft(IncrementalState state) {
        if (outputAsLeft == null) {
            try {
                outputAsLeft = previousDescriptor().map(d -> ModelHash.of(d).equals(state.modelHash())).orElse(false)
                        && state.classFilesPresent(filer);
            } catch (IOException unreadable) {
                outputAsLeft = false;
            }
        }
        return outputAsLeft;
    }

    /** Records what the full scan of this compilation read, with the descriptor it wrote. */
    void scanned(List<TypeElement> entities, Set<String> converters, byte[] descriptor, MappingAnnotations mapping)
            throws IOException {
        if (stateWritten) {
            return;
        }
        stateWritten = true;
        Map<String, String> binaryNames = new TreeMap<>();
        Set<String> packages = new TreeSet<>();
        for (TypeElement entity : entities) {
            binaryNames.put(entity.getQualifiedName().toString(), elements.getBinaryName(entity).toString());
            packages.add(elements.getPackageOf(entity).getQualifiedName().toString());
        }
        Map<String, TypeElement> read = new TreeMap<>(ModelInputs.of(entities));
        for (String converter : converters) {
            TypeElement type = elements.getTypeElement(converter);
            if (type != null) {
                read.put(converter, type);
            }
        }
        Map<String, String> inputs = new TreeMap<>();
        Set<String> external = new TreeSet<>();
        read.forEach((name, type) -> {
            inputs.put(name, ModelInputs.signature(type, mapping));
            if (!roots.containsKey(name) && !IncrementalState.classFileIn(filer, elements.getBinaryName(type).toString())) {
                external.add(name);
            }
        });
        new IncrementalState(producer, options, ModelHash.of(descriptor), binaryNames, packages, new TreeSet<>(converters),
                inputs, external).write(filer);
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
