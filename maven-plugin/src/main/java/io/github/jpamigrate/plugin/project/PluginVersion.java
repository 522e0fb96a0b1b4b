package io.github.jpamigrate.plugin.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this plugin, from the resource Maven filtered at build time, so that a message
 * or a report written by Maven-free code shows XML that pastes as is (the processor's version
 * must match the plugin's).
 */
public final class PluginVersion {

    private static final String VERSION = read();

    private PluginVersion() {
    }

    /** The plugin's version, e.g. {@code 0.1.0}; {@code unknown} only in a build that skipped resource filtering. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through: the messages stay readable without a version
        }
        String version = properties.getProperty("version", "").strip();
        return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
    }
}
