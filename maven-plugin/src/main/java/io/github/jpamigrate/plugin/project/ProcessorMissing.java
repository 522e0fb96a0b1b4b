package io.github.jpamigrate.plugin.project;

/**
 * The model descriptor is missing because the annotation processor did not run: the message shows
 * the compiler configuration to add, with this plugin's own version ({@link PluginVersion}), so
 * that the snippet pastes as is wherever the message appears (the build failure, verify's report).
 */
public final class ProcessorMissing extends WorkflowFailure {

    /** @param descriptor the descriptor's path as the user reads it ({@code target/classes/META-INF/...}) */
    ProcessorMissing(String descriptor) {
        super("there is no model descriptor at " + descriptor + ": the JPA Migrate annotation processor did not run"
                + " while compiling. Put it on the compiler's annotationProcessorPaths (with an explicit processor"
                + " path, javac runs only the processors listed there):\n" + snippet(PluginVersion.get())
                + "\nthen run the goal again.");
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
