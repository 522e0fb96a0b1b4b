package io.github.jpamigrate.processor.emit;

import io.github.jpamigrate.processor.scan.MappingSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What the last full scan of a compilation into this output read, so that the next, incremental,
 * compilation can tell whether its changed classes can change the model at all: the processor and
 * its resolved options, the hash of the descriptor it wrote, the entities, their packages, the auto-applied converters, and every class of the project the scan
 * could read with the hash of what the scan can read of it ({@link io.github.jpamigrate.processor.scan.ModelInputs}). A plain text file in the source output
 * ({@code -s}, e.g. {@code target/generated-sources/annotations}), which build tools do not package;
 * without {@code -s} javac puts it in the class output. An unreadable or foreign file counts as absent.
 *
 * @param producer     the processor and version that wrote it
 * @param options      the resolved processor options it scanned with
 * @param modelHash    the {@code MODEL_HASH} of the descriptor written with it
 * @param entities     the entity classes
 * @param packages     the entities' packages
 * @param converters   the auto-applied converters the scan used
 * @param inputs     every class of the project the scan could read (entities and converters included), with
 *                   its {@link MappingSignature}
 */
public record IncrementalState(String producer, String options, String modelHash, Set<String> entities,
                               Set<String> packages, Set<String> converters,
                               Map<String, MappingSignature> inputs) {

    /** Where the file lives, relative to the source output. */
    public static final String PATH = "META-INF/jpa-migrate/incremental.txt";

    private static final String FORMAT = "jpa-migrate incremental 1";
    /** What a compilation whose scan wrote no descriptor leaves, so that no later compile trusts older state. */
    private static final String INVALID = "invalid";

    /** The state of the previous compilation, if it left a valid one. */
    public static Optional<IncrementalState> read(Filer filer) {
        FileObject file;
        try {
            file = filer.getResource(StandardLocation.SOURCE_OUTPUT, "", PATH);
        } catch (IOException | IllegalArgumentException | IllegalStateException absent) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
            if (!FORMAT.equals(in.readLine())) {
                return Optional.empty();
            }
            String producer = null;
            String options = null;
            String hash = null;
            boolean complete = false;
            Set<String> entities = new TreeSet<>();
            Set<String> packages = new TreeSet<>();
            Set<String> converters = new TreeSet<>();
            Map<String, MappingSignature> inputs = new TreeMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                switch (key) {
                    case "producer" -> producer = value;
                    case "options" -> options = value;
                    case "model-hash" -> hash = value;
                    case "entity" -> entities.add(value);
                    case "reads" -> {
                        String[] fields = value.split(" ");
                        if (fields.length != 3) {
                            return Optional.empty();
                        }
                        inputs.put(fields[0], new MappingSignature(fields[1], fields[2]));
                    }
                    case "package" -> packages.add(value);
                    case "converter" -> converters.add(value);
                    case "end" -> complete = true;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (!complete || producer == null || options == null || hash == null || entities.isEmpty()
                    || !inputs.keySet().containsAll(entities)) {
                return Optional.empty();
            }
            return Optional.of(new IncrementalState(producer, options, hash, entities, packages, converters, inputs));
        } catch (IOException | RuntimeException unreadable) {
            // none, or not one to trust
            return Optional.empty();
        }
    }

    /** Writes this state (once per compilation: the filer allows one creation of a path). */
    public void write(Filer filer) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("producer ").append(producer).append('\n');
        text.append("options ").append(options).append('\n');
        text.append("model-hash ").append(modelHash).append('\n');
        entities.forEach(name -> text.append("entity ").append(name).append('\n'));
        packages.forEach(p -> text.append("package ").append(p).append('\n'));
        converters.forEach(c -> text.append("converter ").append(c).append('\n'));
        inputs.forEach((name, signature) -> text.append("reads ").append(name).append(' ').append(signature.plain())
                .append(' ').append(signature.typeUse()).append('\n'));
        text.append("end\n");
        write(filer, text.toString());
    }

    /** Leaves a state no compilation trusts: this compilation scanned but wrote no descriptor. */
    public static void writeInvalid(Filer filer) throws IOException {
        write(filer, INVALID + "\n");
    }

    private static void write(Filer filer, String text) throws IOException {
        FileObject file = filer.createResource(StandardLocation.SOURCE_OUTPUT, "", PATH);
        try (Writer out = file.openWriter()) {
            out.write(text);
        }
    }
}
