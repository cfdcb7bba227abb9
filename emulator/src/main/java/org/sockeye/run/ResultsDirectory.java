package org.sockeye.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A results directory written all-or-nothing: files go to a hidden sibling staging directory,
 * which replaces the final directory by a rename only once complete. A crash or an error leaves
 * the previous results (if any) untouched and no half-written directory behind.
 */
public final class ResultsDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    public ResultsDirectory(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
    }

    /** Where to write files before {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Moves the staged results into place, replacing any previous results. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Discards the staging directory unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(staging)) {
            deleteTree(staging);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
