package io.github.jpamigrate.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap use of a piece of work in this JVM, two ways: the peak of the heap pools (live objects and
 * garbage not yet collected: depends on the heap size and the collector) and the most heap still
 * in use right after a collection (what the work kept alive at once: the figure to size -Xmx by).
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    /** Peak heap (with garbage) and the largest heap after a collection, in bytes; -1 when no collection ran. */
    record Use(long peakBytes, long maxAfterCollectionBytes) {
    }

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong afterCollection = new AtomicLong(-1);

    HeapWatch() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this, null, null);
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            afterCollection.accumulateAndGet(used, Math::max);
        }
    }

    /** What the heap held since this watch started. */
    Use use() {
        return new Use(pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum(), afterCollection.get());
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).removeNotificationListener(this);
        }
    }
}
