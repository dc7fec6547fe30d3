package io.punchsim.reports.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A directory of reports that is replaced as a whole, never file by file. {@link #open} checks
 * the directory before any work is done (it can be created and written, it is not a file, it holds
 * only files punchsim writes), takes a lock so that a second writer is refused, and cleans up what
 * a killed writer left; {@link #write} then writes a set of files as one unit.
 *
 * <p>How a set is switched in: every file is written into a fresh hidden directory beside
 * {@code DIR} ({@code .DIR.new-…}); the old {@code DIR} is renamed aside ({@code .DIR.old-…}); the
 * new directory is renamed to {@code DIR}; the old one is deleted. Each rename is atomic, so at any
 * moment {@code DIR} holds the whole old set or the whole new set; only between the two renames
 * does it not exist, while the old set waits whole beside it. A writer killed at any step leaves
 * one of those states, and the next {@link #open} of {@code DIR} puts the old set back if
 * {@code DIR} is missing and deletes the hidden leftovers. Files of the other kind (a sweep's
 * reports beside a comparison's) are carried over into the new set by hard link.
 *
 * <p>The lock is an operating-system lock on {@code .DIR.lock} beside {@code DIR}: it ends with the
 * process that holds it, so a killed writer never blocks the next one.
 */
public final class ReportDirectory implements AutoCloseable {

    /** The files of a sweep, in writing order. */
    public static final List<String> SWEEP_FILES = List.of("report.json", "report.md", "report.html", "junit.xml", "report.csv");
    /** The files of a comparison, in writing order. */
    public static final List<String> COMPARE_FILES = List.of("compare.json", "compare.md", "compare.html", "compare-junit.xml", "compare.csv");

    /**
     * A test hook: with this system property set to a {@link Step}'s name, a writer stops for good
     * at that step (after printing {@code paused at STEP} on standard error), so a test can kill
     * it there and check what the directory holds.
     */
    public static final String PAUSE_PROPERTY = "punchsim.reports.pause-at";

    /** The steps of switching a set in, for {@link #PAUSE_PROPERTY}. */
    public enum Step {
        /** The new set is complete beside the directory; the old set is still in place. */
        STAGED,
        /** The old set has been renamed aside; the new one is not yet in place. */
        OLD_ASIDE,
        /** The new set is in place; the old one, renamed aside, is not yet deleted. */
        SWITCHED
    }

    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> READABLE_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path directory;
    private final Path parent;
    private final String name;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Path staging;

    private ReportDirectory(Path directory, Path lockFile, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.parent = directory.getParent();
        this.name = directory.getFileName().toString();
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Checks that reports can be written to {@code directory} and locks it for this writer.
     *
     * @throws IOException with a one-line message naming the path and what is wrong: a file where
     *                     a directory should be, no permission, files punchsim did not write, or
     *                     another writer holding the lock
     */
    public static ReportDirectory open(Path directory) throws IOException {
        Path out = resolve(directory);
        Path parent = out.getParent();
        createParent(directory, parent);
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + ": is a file, not a directory");
        }
        Path lockFile = parent.resolve("." + out.getFileName() + ".lock");
        FileChannel channel = lockChannel(directory, lockFile);
        ReportDirectory opened = null;
        try {
            FileLock lock = lock(directory, lockFile, channel);
            opened = new ReportDirectory(out, lockFile, channel, lock);
            opened.recover();
            opened.checkContents(directory);
            opened.staging = opened.newStaging(directory);
            return opened;
        } catch (IOException | RuntimeException e) {
            try {
                if (opened != null) {
                    opened.close();
                } else {
                    channel.close();
                }
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** The directory the reports go to. */
    public Path path() {
        return directory;
    }

    /**
     * Writes these files (name → content) as the directory's new set, replacing every file of the
     * old set at once; files of the other kind in the directory are kept.
     *
     * @return the paths written, in the order given
     */
    public List<Path> write(Map<String, String> files) throws IOException {
        Path stage = staging != null ? staging : newStaging(directory);
        staging = stage;
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = stage.resolve(file.getKey());
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(file.getValue().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            readableByAll(target);
        }
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            carryOver(files.keySet(), stage);
        }
        pauseIfAsked(Step.STAGED);
        Path aside = null;
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            aside = unusedSibling(".old-");
            Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
            pauseIfAsked(Step.OLD_ASIDE);
        }
        Files.move(stage, directory, StandardCopyOption.ATOMIC_MOVE);
        staging = null;
        pauseIfAsked(Step.SWITCHED);
        if (aside != null) {
            try {
                deleteTree(aside);
            } catch (IOException leftForLater) {
                // The new set is in place; the next open deletes what is left of the old one.
            }
        }
        List<Path> written = new ArrayList<>();
        files.keySet().forEach(f -> written.add(directory.resolve(f)));
        return written;
    }

    /** Deletes what this writer staged and did not switch in, and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (staging != null) {
                deleteTree(staging);
                staging = null;
            }
            // Deleted while still held, so no other writer can hold a lock on a file about to vanish.
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                lockChannel.close();
            }
        }
    }

    // ---- opening ----

    private static Path resolve(Path directory) throws IOException {
        Path out = directory.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(out)) {
            // Replace what the link points to, not the link.
            try {
                out = out.toRealPath();
            } catch (IOException e) {
                throw new IOException(directory + ": is a symbolic link to nothing (" + describe(e) + ")", e);
            }
        }
        if (out.getParent() == null) {
            throw new IOException(directory + ": a root directory cannot hold reports; name a directory under it");
        }
        if (out.equals(Path.of("").toAbsolutePath().normalize())) {
            throw new IOException(directory + ": is the current directory; name a directory of its own for the reports");
        }
        return out;
    }

    private static void createParent(Path directory, Path parent) throws IOException {
        try {
            Files.createDirectories(parent);
        } catch (FileSystemException e) {
            throw new IOException(directory + ": cannot create " + parent + ": " + blockingFile(parent).orElse(describe(e)), e);
        }
        if (!Files.isDirectory(parent)) {
            throw new IOException(directory + ": " + parent + " is not a directory");
        }
    }

    /** The file in the way when a path runs under a file (out/report under a file out), in words. */
    public static java.util.Optional<String> blockingFile(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return java.util.Optional.of(p + " is a file");
            }
        }
        return java.util.Optional.empty();
    }

    private static FileChannel lockChannel(Path directory, Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException(directory + ": cannot write beside it (" + lockFile.getFileName() + "): " + describe(e), e);
        }
    }

    private static FileLock lock(Path directory, Path lockFile, FileChannel channel) throws IOException {
        Object before = fileKey(lockFile);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        // The file may have been deleted and made anew by another writer between open and lock.
        if (lock != null && !Objects.equals(before, fileKey(lockFile))) {
            lock.release();
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
            throw new IOException(directory + ": another punchsim" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + " is writing reports there; wait for it to finish or choose another directory");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return lock;
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException gone) {
            return gone.getClass();
        }
    }

    /** Undoes what a killed writer left: the old set put back if the directory is missing, hidden leftovers deleted. */
    private void recover() throws IOException {
        List<Path> staged = siblings(".new-");
        List<Path> aside = siblings(".old-");
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !aside.isEmpty()) {
            // Killed between the two renames: the old set is whole beside the directory.
            Path newest = aside.get(0);
            for (Path p : aside) {
                if (Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = p;
                }
            }
            Files.move(newest, directory, StandardCopyOption.ATOMIC_MOVE);
            aside.remove(newest);
        }
        for (Path p : staged) {
            deleteTree(p);
        }
        for (Path p : aside) {
            deleteTree(p);
        }
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            // Temporary files of writers that moved files in one by one.
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (isOldTemporary(entry.getFileName().toString()) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(entry);
                    }
                }
            }
        }
    }

    private static boolean isOldTemporary(String file) {
        return file.startsWith(".") && file.endsWith(".tmp")
                && (SWEEP_FILES.stream().anyMatch(f -> file.startsWith("." + f + "."))
                        || COMPARE_FILES.stream().anyMatch(f -> file.startsWith("." + f + ".")));
    }

    private List<Path> siblings(String infix) throws IOException {
        List<Path> found = new ArrayList<>();
        String prefix = "." + name + infix;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            entries.forEach(found::add);
        }
        return found;
    }

    private void checkContents(Path asGiven) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                boolean ours = (SWEEP_FILES.contains(file) || COMPARE_FILES.contains(file))
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
                if (!ours) {
                    foreign.add(file);
                }
            }
        } catch (AccessDeniedException e) {
            throw new IOException(asGiven + ": cannot read the directory: permission denied", e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            throw new IOException(asGiven + ": holds " + (foreign.size() == 1 ? "'" + foreign.get(0) + "'" : foreign.size()
                    + " entries such as '" + foreign.get(0) + "'") + ", which punchsim did not write; reports replace the whole"
                    + " directory, so name a new or empty one");
        }
        if (!Files.isWritable(directory)) {
            throw new IOException(asGiven + ": is not writable");
        }
    }

    private Path newStaging(Path asGiven) throws IOException {
        Path stage;
        try {
            stage = Files.createTempDirectory(parent, "." + name + ".new-");
        } catch (IOException e) {
            throw new IOException(asGiven + ": cannot write beside it in " + parent + ": " + describe(e), e);
        }
        Path model = Files.isDirectory(directory) ? directory : null;
        if (model != null && Files.getFileAttributeView(model, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            posix(stage, Files.getPosixFilePermissions(model));
        } else {
            posix(stage, READABLE_DIRECTORY);
        }
        return stage;
    }

    // ---- writing ----

    /** Hard-links (or copies) into the new set the files of the other kind that the directory holds. */
    private void carryOver(Set<String> written, Path stage) throws IOException {
        List<String> other = new ArrayList<>(SWEEP_FILES);
        other.addAll(COMPARE_FILES);
        other.removeAll(written);
        for (String file : other) {
            Path existing = directory.resolve(file);
            if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createLink(stage.resolve(file), existing);
            } catch (IOException | UnsupportedOperationException noLinks) {
                Files.copy(existing, stage.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private Path unusedSibling(String infix) throws IOException {
        // A temporary directory's name is free; it is deleted so the rename can take the name.
        Path free = Files.createTempDirectory(parent, "." + name + infix);
        Files.delete(free);
        return free;
    }

    private static void pauseIfAsked(Step step) {
        if (!step.name().equals(System.getProperty(PAUSE_PROPERTY))) {
            return;
        }
        System.err.println("paused at " + step.name());
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Stay paused until killed.
            }
        }
    }

    /**
     * Opens a report file to every reader, whatever mode it was made with (a temporary file is its
     * owner's alone): reports are for whoever may read the directory.
     */
    static void readableByAll(Path file) throws IOException {
        posix(file, READABLE_FILE);
    }

    private static void posix(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** What went wrong, in words, for an I/O error whose own message is often just a path. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
