package io.github.jpamigrate.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The import graph between the packages of one module's sources, for the layout tests of every
 * module: which package imports which, and the loops among them.
 */
public final class PackageImports {

    private PackageImports() {
    }

    /** Package -> the other packages under {@code prefix} that its files in {@code sources} import. */
    public static Map<String, Set<String>> read(Path sources, String prefix) throws IOException {
        Pattern imported = Pattern.compile("^import (?:static )?(" + Pattern.quote(prefix)
                + "(?:\\.[a-z0-9]+)*)\\.(?:[A-Z]|\\*)", Pattern.MULTILINE);
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                Matcher m = imported.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Every package that imports its way back to itself, each with a shortest such chain written out. */
    public static List<String> loops(Map<String, Set<String>> imports) {
        List<String> loops = new ArrayList<>();
        for (String pkg : imports.keySet()) {
            loopBack(pkg, imports).ifPresent(loops::add);
        }
        return loops;
    }

    private static Optional<String> loopBack(String start, Map<String, Set<String>> imports) {
        Map<String, String> reachedFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : imports.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    StringBuilder chain = new StringBuilder(start);
                    for (String p = at; !p.equals(start); p = reachedFrom.get(p)) {
                        chain.insert(start.length(), " -> " + p);
                    }
                    return Optional.of(chain + " -> " + start);
                }
                if (reachedFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
