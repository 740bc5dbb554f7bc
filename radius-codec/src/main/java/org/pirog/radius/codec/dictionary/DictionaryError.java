package org.pirog.radius.codec.dictionary;

/**
 * One problem found while loading a dictionary: the file, the line (0 when the problem concerns the
 * whole file) and what was wrong.
 */
public record DictionaryError(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
    }
}
