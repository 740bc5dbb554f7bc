package org.pirog.radius.codec.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken dictionaries: every error is reported, with its file and line, in one load. */
class DictionaryErrorsTest {

    @TempDir
    Path dir;

    private List<DictionaryError> errorsOf(String text) {
        DictionaryException e = catchThrowableOfType(DictionaryException.class,
                () -> Dictionary.builder().add("dictionary.test", text).build());
        assertThat(e).as("expected a DictionaryException").isNotNull();
        return e.errors();
    }

    private static DictionaryError only(List<DictionaryError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void unknownType() {
        DictionaryError error = only(errorsOf("""
                ATTRIBUTE\tUser-Name\t1\tstring
                ATTRIBUTE\tFoo-Bar\t\t200\tintger
                """));
        assertThat(error.file()).isEqualTo("dictionary.test");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).isEqualTo("unknown data type 'intger' for ATTRIBUTE Foo-Bar");
        assertThat(error).hasToString("dictionary.test line 2: unknown data type 'intger' for ATTRIBUTE Foo-Bar");
    }

    @Test
    void badNumbers() {
        List<DictionaryError> errors = errorsOf("""
                # comment
                ATTRIBUTE A 12x string
                ATTRIBUTE B 0xZZ string
                ATTRIBUTE C 1..2 string
                VENDOR V 99 format=1,1
                BEGIN-VENDOR V
                ATTRIBUTE D 256 string
                END-VENDOR V
                VALUE A Foo bar
                """);
        assertThat(errors).extracting(DictionaryError::line).containsExactly(2, 3, 4, 7, 9);
        assertThat(errors.get(0).message()).contains("invalid attribute number '12x'");
        assertThat(errors.get(3).message()).contains("256").contains("too large");
        assertThat(errors.get(4).message()).contains("invalid number 'bar' for VALUE A Foo");
    }

    @Test
    void vendorBlocks() {
        List<DictionaryError> errors = errorsOf("""
                VENDOR Acme 4242
                BEGIN-VENDOR Acme
                ATTRIBUTE Acme-One 1 string
                END-VENDOR Other
                BEGIN-VENDOR Nobody
                ATTRIBUTE Nobody-One 1 string
                VALUE Nobody-One Yes 1
                END-VENDOR Nobody
                END-VENDOR Acme
                """);
        assertThat(errors).extracting(DictionaryError::line).containsExactly(4, 5, 9);
        assertThat(errors.get(0).message()).isEqualTo("END-VENDOR Other does not match BEGIN-VENDOR Acme of line 2");
        assertThat(errors.get(1).message()).isEqualTo("unknown vendor 'Nobody' in BEGIN-VENDOR");
        // No follow-on errors for the attribute and VALUE of the failed block.
        assertThat(errors.get(2).message()).isEqualTo("END-VENDOR Acme without BEGIN-VENDOR");
    }

    @Test
    void unclosedBlocks() {
        List<DictionaryError> errors = errorsOf("""
                VENDOR Acme 4242
                BEGIN-VENDOR Acme
                ATTRIBUTE Acme-Tlv 1 tlv
                BEGIN-TLV Acme-Tlv
                ATTRIBUTE Acme-Child 1 string
                """);
        assertThat(errors).extracting(DictionaryError::toString).containsExactly(
                "dictionary.test line 2: BEGIN-VENDOR Acme has no END-VENDOR",
                "dictionary.test line 5: BEGIN-TLV Acme-Tlv has no END-TLV before the end of the file");
    }

    @Test
    void missingIncludeNamesTheIncludingLine() throws IOException {
        Path root = write("dictionary", """
                ATTRIBUTE User-Name 1 string

                $INCLUDE dictionary.missing
                $INCLUDE- dictionary.optional
                $INCLUDE dictionary.sub
                """);
        write("dictionary.sub", """
                ATTRIBUTE Sub-One 200 string
                ATTRIBUTE Sub-Two 201 strin
                """);
        DictionaryException e = catchThrowableOfType(DictionaryException.class, () -> Dictionary.load(root));
        assertThat(e.errors()).extracting(DictionaryError::file, DictionaryError::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(root.toString(), 3),
                org.assertj.core.groups.Tuple.tuple(dir.resolve("dictionary.sub").toString(), 2));
        assertThat(e.errors().get(0).message()).contains("cannot open included file").contains("dictionary.missing");
        assertThat(e.getMessage()).startsWith("2 dictionary errors:")
                .contains(root + " line 3: cannot open included file")
                .contains("dictionary.sub line 2: unknown data type 'strin' for ATTRIBUTE Sub-Two");
    }

    @Test
    void includeLoop() throws IOException {
        Path root = write("dictionary", "$INCLUDE dictionary.a\n");
        write("dictionary.a", "ATTRIBUTE A 1 string\n$INCLUDE dictionary\n");
        DictionaryException e = catchThrowableOfType(DictionaryException.class, () -> Dictionary.load(root));
        DictionaryError error = only(e.errors());
        assertThat(error.file()).endsWith("dictionary.a");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).contains("$INCLUDE loop");
    }

    @Test
    void missingRootFile() {
        DictionaryException e = catchThrowableOfType(DictionaryException.class,
                () -> Dictionary.load(dir.resolve("nothing")));
        assertThat(only(e.errors()).message()).isEqualTo("dictionary file not found");
    }

    @Test
    void conflictingRedefinitionNamesBothPlaces() throws IOException {
        Path root = write("dictionary", """
                ATTRIBUTE Foo 200 string
                $INCLUDE dictionary.b
                """);
        write("dictionary.b", """
                ATTRIBUTE Foo 200 string
                ATTRIBUTE foo 201 string
                ATTRIBUTE Foo 200 integer
                """);
        DictionaryException e = catchThrowableOfType(DictionaryException.class, () -> Dictionary.load(root));
        // The identical redefinition on line 1 is accepted, as FreeRADIUS does.
        assertThat(e.errors()).extracting(DictionaryError::line).containsExactly(2, 3);
        assertThat(e.errors().get(0).message()).isEqualTo("ATTRIBUTE foo (201, string) conflicts with its definition at "
                + root + " line 1 (200, string)");
        assertThat(e.errors().get(1).message()).contains("(200, integer)").contains(root + " line 1");
    }

    @Test
    void flagsAndValues() {
        List<DictionaryError> errors = errorsOf("""
                ATTRIBUTE A 200 string encrypt=7
                ATTRIBUTE B 201 integer concat
                ATTRIBUTE C 202 string has_tag,bogus
                ATTRIBUTE D 203 byte
                VALUE D Big 256
                VALUE D Small 1
                VALUE D Small 2
                VALUE Nope X 1
                VALUE A Foo 1
                ATTRIBUTE E 204 octets[300]
                ATTRIBUTE F 205 string[4]
                VENDOR Acme 77 format=3,1
                VENDOR Acme2 78 format=2,1,c
                FOO bar
                """);
        assertThat(errors).extracting(DictionaryError::line)
                .containsExactly(1, 2, 3, 10, 11, 12, 13, 14, 5, 7, 8);
        assertThat(errors).extracting(DictionaryError::message).containsExactly(
                "invalid encryption 'encrypt=7' for ATTRIBUTE A",
                "ATTRIBUTE B: concat needs the octets type",
                "unknown flag 'bogus' for ATTRIBUTE C",
                "invalid length in type 'octets[300]' for ATTRIBUTE E",
                "only octets can have a fixed length, not 'string[4]' of ATTRIBUTE F",
                "invalid format 'format=3,1' for VENDOR Acme (expected format=T,L[,c] with T 1, 2 or 4 and L 0, 1 or 2)",
                "VENDOR Acme2: the continuation flag needs format=1,1,c",
                "unknown keyword 'FOO'",
                "VALUE Big 256 is out of range for ATTRIBUTE D of type byte",
                "VALUE Small of ATTRIBUTE D redefined as 2, was 1",
                "VALUE X for unknown ATTRIBUTE Nope");
    }

    @Test
    void dottedParents() {
        List<DictionaryError> errors = errorsOf("""
                ATTRIBUTE Ext 241 extended
                ATTRIBUTE Str 1 string
                ATTRIBUTE X 241.300 integer
                ATTRIBUTE Y 240.1 integer
                ATTRIBUTE Z 1.1 integer
                ATTRIBUTE W 241.1 extended
                BEGIN-TLV Str
                END-TLV Str
                BEGIN-VENDOR Acme format=Extended-Vendor-Specific-1
                """);
        assertThat(errors).extracting(DictionaryError::toString).containsExactly(
                "dictionary.test line 3: attribute number 300 in '241.300' is too large (at most 255) for ATTRIBUTE X",
                "dictionary.test line 4: parent 240 of ATTRIBUTE Y is not defined",
                "dictionary.test line 5: parent Str of ATTRIBUTE Z is of type string, which has no children",
                "dictionary.test line 6: ATTRIBUTE W: type extended is only allowed for standard attributes",
                "dictionary.test line 7: BEGIN-TLV Str: the attribute is of type string, not tlv",
                "dictionary.test line 9: unknown vendor 'Acme' in BEGIN-VENDOR",
                "dictionary.test line 9: BEGIN-VENDOR Acme has no END-VENDOR");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
