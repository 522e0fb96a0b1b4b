package io.github.jpamigrate.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Wraps a processor and adds up the CPU time of its {@code init} and {@code process} calls: the
 * processor's own work, apart from what javac does around it (its rounds, compiling what the
 * processor generated).
 */
final class TimedProcessor implements Processor {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Processor delegate;
    private long cpuNanos;

    TimedProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    long cpuMillis() {
        return cpuNanos / 1_000_000;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
        long start = THREADS.getCurrentThreadCpuTime();
        delegate.init(env);
        cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return delegate.process(annotations, round);
        } finally {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                         ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }
}
