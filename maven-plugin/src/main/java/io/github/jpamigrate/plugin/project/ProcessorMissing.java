package io.github.jpamigrate.plugin.project;

/**
 * The model descriptor is missing because the annotation processor did not run: the message shows
 * the compiler configuration to add. The workflows do not know which plugin version runs them, so
 * the snippet's version is a placeholder until the goal puts its own in ({@link #withVersion}),
 * and the snippet pastes as is.
 */
public final class ProcessorMissing extends WorkflowFailure {

    /** Stands for the version in the snippet until the goal knows it. */
    static final String VERSION_PLACEHOLDER = "${jpa-migrate.version}";

    /** @param descriptor the descriptor's path as the user reads it ({@code target/classes/META-INF/...}) */
    ProcessorMissing(String descriptor) {
        super("there is no model descriptor at " + descriptor + ": the JPA Migrate annotation processor did not run"
                + " while compiling. Put it on the compiler's annotationProcessorPaths (with an explicit processor"
                + " path, javac runs only the processors listed there):\n" + snippet(VERSION_PLACEHOLDER)
                + "\nthen run the goal again.");
    }

    /**
     * A message with the snippet's version put in: {@code version} is the running plugin's (the
     * processor's must match). Other goals' messages may quote this failure's (verify's report
     * does), so the goal applies it to whatever message it shows.
     */
    public static String withVersion(String message, String version) {
        return message == null || version == null || version.isBlank() ? message
                : message.replace(VERSION_PLACEHOLDER, version.strip());
    }

    /** The processor configuration a project needs. */
    static String snippet(String version) {
        return """
                <plugin>
                  <groupId>org.apache.maven.plugins</groupId>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <configuration>
                    <annotationProcessorPaths>
                      <path>
                        <groupId>io.github.jpamigrate</groupId>
                        <artifactId>jpa-migrate-processor</artifactId>
                        <version>%s</version>
                      </path>
                    </annotationProcessorPaths>
                  </configuration>
                </plugin>""".formatted(version);
    }
}
