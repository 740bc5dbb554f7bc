package org.pirog.radius.codec.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a dictionary file comes from, and how its {@code $INCLUDE}s are found: next to it on the file
 * system, next to it on the class path, or (for text given in memory) relative to the working directory.
 */
sealed interface DictionarySource {

    /** The name used in error messages. */
    String displayName();

    /** Identifies the file for include-loop detection. */
    Object identity();

    /** The file's content, or {@code null} if it does not exist. */
    @Nullable BufferedReader open() throws IOException;

    /** The file an {@code $INCLUDE path} line in this file designates. */
    DictionarySource resolve(String path);

    record File(Path path) implements DictionarySource {
        @Override
        public String displayName() {
            return path.toString();
        }

        @Override
        public Object identity() {
            return path.toAbsolutePath().normalize();
        }

        @Override
        public @Nullable BufferedReader open() throws IOException {
            try {
                // ISO-8859-1 never fails on a stray byte: a few vendor files carry Latin-1 comments.
                return Files.newBufferedReader(path, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public DictionarySource resolve(String include) {
            Path dir = path.getParent();
            return new File(dir == null ? Path.of(include) : dir.resolve(include));
        }
    }

    record Resource(ClassLoader loader, String name) implements DictionarySource {
        @Override
        public String displayName() {
            return "classpath:" + name;
        }

        @Override
        public Object identity() {
            return name;
        }

        @Override
        public @Nullable BufferedReader open() {
            InputStream in = loader.getResourceAsStream(name);
            return in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        }

        @Override
        public DictionarySource resolve(String include) {
            if (include.startsWith("/")) {
                return new Resource(loader, include.substring(1));
            }
            int slash = name.lastIndexOf('/');
            return new Resource(loader, slash < 0 ? include : name.substring(0, slash + 1) + include);
        }
    }

    record Text(String name, String text) implements DictionarySource {
        @Override
        public String displayName() {
            return name;
        }

        @Override
        public Object identity() {
            return this;
        }

        @Override
        public BufferedReader open() {
            return new BufferedReader(new StringReader(text));
        }

        @Override
        public DictionarySource resolve(String include) {
            return new File(Path.of(name).resolveSibling(include));
        }
    }
}
