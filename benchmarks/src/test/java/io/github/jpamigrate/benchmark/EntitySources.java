package io.github.jpamigrate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded Jakarta Persistence entity sources shaped like a real model, for the compile benchmarks
 * and for Hibernate's schema validation: 5 to 15 basic attributes of the types entities use most
 * (with their getters and setters), enums by name and by ordinal, an embeddable on some entities,
 * a mapped superclass with a version on a third, {@code @ManyToOne} to earlier entities, now and
 * then a {@code @ManyToMany}, indexes and unique columns, and one entity in ten a subclass
 * (half {@code JOINED}, half {@code SINGLE_TABLE}). Ids are assigned, not generated: SQLite has no
 * sequences and Hibernate's validator refuses its own identity columns there (docs/performance.md).
 */
final class EntitySources {

    static final String PACKAGE = "com.acme.bench";
    private static final List<String> WORDS = List.of("name", "email", "status", "amount", "quantity", "note",
            "created", "code", "title", "price", "active", "label", "rank", "weight", "city", "country");
    private static final List<String> ENUMS = List.of("Status", "Priority", "Colour");

    /** What was written. */
    record Written(Path sourceRoot, List<Path> files, List<String> entityClasses) {
    }

    private final SplittableRandom random;
    private final List<String> names = new ArrayList<>();

    private EntitySources(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code entities} entity classes and their enums, embeddable and mapped superclass under {@code root}. */
    static Written write(long seed, int entities, Path root) throws IOException {
        return new EntitySources(seed).writeAll(entities, root);
    }

    private Written writeAll(int entities, Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
        List<Path> files = new ArrayList<>();
        files.add(write(folder, "Status", "public enum Status { NEW, ACTIVE, CLOSED, ARCHIVED }\n"));
        files.add(write(folder, "Priority", "public enum Priority { LOW, HIGH, URGENT }\n"));
        files.add(write(folder, "Colour", "public enum Colour { RED, GREEN, BLUE }\n"));
        files.add(write(folder, "Address", address()));
        files.add(write(folder, "Auditable", auditable()));
        for (int i = 0; i < entities; i++) {
            String name = capitalize(WORDS.get(i % WORDS.size())) + String.format(Locale.ROOT, "%04d", i);
            names.add(name);
            files.add(write(folder, name, entity(i, name)));
        }
        return new Written(root, files, names.stream().map(n -> PACKAGE + "." + n).toList());
    }

    private static Path write(Path folder, String type, String body) throws IOException {
        Path file = folder.resolve(type + ".java");
        Files.writeString(file, "package " + PACKAGE + ";\n\n" + body, StandardCharsets.UTF_8);
        return file;
    }

    private String entity(int i, String name) {
        boolean joinedRoot = i % 20 == 0;
        boolean singleTableRoot = i % 20 == 10;
        boolean subclass = i % 20 == 1 || i % 20 == 11;
        boolean audited = !subclass && i % 3 == 0;
        ClassText out = new ClassText();
        out.line("import jakarta.persistence.*;");
        out.line("import java.math.BigDecimal;");
        out.line("import java.time.LocalDate;");
        out.line("import java.time.LocalDateTime;");
        out.line("import java.util.Set;");
        out.line("import java.util.UUID;");
        out.line("");
        out.line("@Entity");
        List<String> fields = new ArrayList<>();
        String extendsClause = subclass ? " extends " + names.get(i - 1) : audited ? " extends Auditable" : "";
        if (joinedRoot) {
            out.line("@Inheritance(strategy = InheritanceType.JOINED)");
        } else if (singleTableRoot) {
            out.line("@Inheritance(strategy = InheritanceType.SINGLE_TABLE)");
            out.line("@DiscriminatorColumn(name = \"kind\", length = 40)");
        }
        if (subclass && i % 20 == 11) {
            out.line("@DiscriminatorValue(\"" + name + "\")");
        }
        int basics = subclass ? 2 + random.nextInt(4) : 5 + random.nextInt(11);
        int indexed = !subclass && random.nextInt(10) < 3 ? 1 + random.nextInt(basics) : -1;
        if (indexed > 0) {
            out.line("@Table(indexes = @Index(name = \"idx_" + name.toLowerCase(Locale.ROOT) + "_a" + indexed
                    + "\", columnList = \"a" + indexed + "\"))");
        }
        out.line("public class " + name + extendsClause + " {");
        if (!subclass && !audited) {
            out.line("    @Id");
            out.line("    private Long id;");
            fields.add("Long id");
        }
        for (int a = 1; a <= basics; a++) {
            fields.add(basic(out, (subclass ? "s" : "a") + a, subclass));
        }
        if (!subclass && random.nextInt(100) < 15) {
            out.line("    @Embedded");
            out.line("    private Address address;");
            fields.add("Address address");
        }
        int references = i == 0 || subclass ? 0 : random.nextInt(3);
        for (int r = 0; r < references; r++) {
            String target = names.get(i - 1 - random.nextInt(Math.min(50, i)));
            out.line("    @ManyToOne(fetch = FetchType.LAZY)");
            out.line("    private " + target + " ref" + r + ";");
            fields.add(target + " ref" + r);
        }
        if (!subclass && i > 0 && random.nextInt(100) < 5) {
            String target = names.get(random.nextInt(i));
            out.line("    @ManyToMany");
            out.line("    private Set<" + target + "> tags;");
            fields.add("Set<" + target + "> tags");
        }
        out.line("");
        for (String field : fields) {
            accessors(out, field);
        }
        out.line("}");
        return out.toString();
    }

    /** One basic attribute; {@code optional}: every column nullable (a single-table subclass). */
    private String basic(ClassText out, String field, boolean optional) {
        int kind = random.nextInt(14);
        boolean required = !optional && random.nextInt(3) == 0;
        String nullable = required ? ", nullable = false" : "";
        return switch (kind) {
            case 0, 1, 2 -> {
                int length = List.of(20, 50, 100, 255).get(random.nextInt(4));
                boolean unique = !optional && random.nextInt(12) == 0;
                out.line("    @Column(length = " + length + nullable + (unique ? ", unique = true" : "") + ")");
                yield declare(out, "String", field);
            }
            case 3 -> declare(out, optional ? "Integer" : required ? "int" : "Integer", field);
            case 4 -> declare(out, "Long", field);
            case 5 -> {
                out.line("    @Column(precision = 19, scale = 2" + nullable + ")");
                yield declare(out, "BigDecimal", field);
            }
            case 6 -> declare(out, required ? "boolean" : "Boolean", field);
            case 7 -> declare(out, "Double", field);
            case 8 -> declare(out, "LocalDate", field);
            case 9 -> declare(out, "LocalDateTime", field);
            case 10 -> declare(out, "UUID", field);
            case 11 -> {
                out.line("    @Enumerated(EnumType.STRING)");
                yield declare(out, ENUMS.get(random.nextInt(ENUMS.size())), field);
            }
            case 12 -> {
                out.line("    @Enumerated(EnumType.ORDINAL)");
                yield declare(out, ENUMS.get(random.nextInt(ENUMS.size())), field);
            }
            default -> {
                out.line("    @Column(length = 2000)");
                yield declare(out, "String", field);
            }
        };
    }

    private static String declare(ClassText out, String type, String field) {
        out.line("    private " + type + " " + field + ";");
        return type + " " + field;
    }

    private static void accessors(ClassText out, String field) {
        int space = field.lastIndexOf(' ');
        String type = field.substring(0, space);
        String name = field.substring(space + 1);
        String property = capitalize(name);
        String getter = type.equals("boolean") ? "is" : "get";
        out.line("    public " + type + " " + getter + property + "() {");
        out.line("        return " + name + ";");
        out.line("    }");
        out.line("");
        out.line("    public void set" + property + "(" + type + " " + name + ") {");
        out.line("        this." + name + " = " + name + ";");
        out.line("    }");
        out.line("");
    }

    private static String address() {
        ClassText out = new ClassText();
        out.line("import jakarta.persistence.Column;");
        out.line("import jakarta.persistence.Embeddable;");
        out.line("");
        out.line("@Embeddable");
        out.line("public class Address {");
        for (String field : List.of("street", "city", "zip", "country")) {
            out.line("    @Column(length = " + (field.equals("zip") ? 10 : 100) + ")");
            out.line("    private String " + field + ";");
        }
        out.line("");
        for (String field : List.of("street", "city", "zip", "country")) {
            accessors(out, "String " + field);
        }
        out.line("}");
        return out.toString();
    }

    private static String auditable() {
        ClassText out = new ClassText();
        out.line("import jakarta.persistence.*;");
        out.line("import java.time.LocalDateTime;");
        out.line("");
        out.line("@MappedSuperclass");
        out.line("public abstract class Auditable {");
        out.line("    @Id");
        out.line("    private Long id;");
        out.line("    @Version");
        out.line("    private Long version;");
        out.line("    @Column(nullable = false)");
        out.line("    private LocalDateTime createdAt;");
        out.line("    private LocalDateTime updatedAt;");
        out.line("");
        for (String field : List.of("Long id", "Long version", "LocalDateTime createdAt", "LocalDateTime updatedAt")) {
            accessors(out, field);
        }
        out.line("}");
        return out.toString();
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Lines of a source file. */
    private static final class ClassText {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
