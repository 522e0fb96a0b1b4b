package io.github.jpamigrate.processor.emit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
 * its resolved options, the hash of the descriptor it wrote, the entities (with their class files'
 * binary names), their packages, the auto-applied converters, and every class of the project the scan
 * could read with the hash of what the scan can read of it ({@link io.github.jpamigrate.processor.scan.ModelInputs}). A plain text file in the source output
 * ({@code -s}, e.g. {@code target/generated-sources/annotations}), which build tools do not package;
 * without {@code -s} javac puts it in the class output. An unreadable or foreign file counts as absent.
 *
 * @param producer     the processor and version that wrote it
 * @param options      the resolved processor options it scanned with
 * @param modelHash    the {@code MODEL_HASH} of the descriptor written with it
 * @param entities     entity class name to binary name (the class file's name)
 * @param packages     the entities' packages
 * @param converters   the auto-applied converters the scan used
 * @param inputs     every class of the project the scan could read (entities and converters included), with
 *                   its {@link io.github.jpamigrate.processor.scan.ModelInputs#signature}
 * @param external     those of the inputs that came neither from the compilation's sources nor from this class
 *                     output (another module's classes, a jar): a build recompiles this output's sources when
 *                     they change, but not for a change elsewhere
 */
public record IncrementalState(String producer, String options, String modelHash, Map<String, String> entities,
                               Set<String> packages, Set<String> converters, Map<String, String> inputs,
                               Set<String> external) {

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
            Map<String, String> entities = new TreeMap<>();
            Set<String> packages = new TreeSet<>();
            Set<String> converters = new TreeSet<>();
            Map<String, String> inputs = new TreeMap<>();
            Set<String> external = new TreeSet<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                switch (key) {
                    case "producer" -> producer = value;
                    case "options" -> options = value;
                    case "model-hash" -> hash = value;
                    case "entity", "reads" -> {
                        String[] pair = value.split(" ");
                        if (pair.length != 2) {
                            return Optional.empty();
                        }
                        ("entity".equals(key) ? entities : inputs).put(pair[0], pair[1]);
                    }
                    case "package" -> packages.add(value);
                    case "converter" -> converters.add(value);
                    case "external" -> external.add(value);
                    case "end" -> complete = true;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (!complete || producer == null || options == null || hash == null || entities.isEmpty()
                    || !inputs.keySet().containsAll(external)) {
                return Optional.empty();
            }
            return Optional.of(new IncrementalState(producer, options, hash, entities, packages, converters, inputs,
                    external));
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
        entities.forEach((name, binary) -> text.append("entity ").append(name).append(' ').append(binary).append('\n'));
        packages.forEach(p -> text.append("package ").append(p).append('\n'));
        converters.forEach(c -> text.append("converter ").append(c).append('\n'));
        inputs.forEach((name, signature) -> text.append("reads ").append(name).append(' ').append(signature).append('\n'));
        external.forEach(name -> text.append("external ").append(name).append('\n'));
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

    /**
     * Whether every entity's class file is still in the class output: a deleted entity's is gone, and then
     * only a full scan gives the model without it.
     */
    public boolean classFilesPresent(Filer filer) {
        return entities.values().stream().allMatch(binary -> classFileIn(filer, binary));
    }

    /** Whether the class output holds the class file of this binary name. */
    public static boolean classFileIn(Filer filer, String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, dot < 0 ? "" : binaryName.substring(0, dot),
                binaryName.substring(dot + 1) + ".class").openInputStream()) {
            return in != null;
        } catch (IOException | IllegalArgumentException | IllegalStateException gone) {
            return false;
        }
    }
}
