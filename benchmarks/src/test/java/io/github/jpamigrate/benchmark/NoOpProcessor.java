package io.github.jpamigrate.benchmark;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.util.Set;

/**
 * A processor for {@code @Entity} that does nothing: what javac's annotation processing costs by
 * itself, before any processor's own
 * work. The compile benchmark runs it as a yardstick between plain javac and the real processors.
 */
@SupportedAnnotationTypes("jakarta.persistence.Entity")
public final class NoOpProcessor extends AbstractProcessor {

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
    }
}
