package org.poolinglab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("./lab assign")
class AssignTest {

    @Test
    void theCommittedStudentVersionIsWhatAssignMakesFromTheMaster() throws IOException {
        String master = Files.readString(Submissions.MASTER, StandardCharsets.UTF_8);
        assertEquals(Assign.studentVersion(master), Files.readString(Submissions.STUDENT, StandardCharsets.UTF_8),
                "exercises/ is out of date with solutions/: run ./lab assign and commit the result");
    }

    @Test
    void replacesEachSolutionRegionByAStubThatNamesTheExercise() {
        String master = """
                int outputSize(int input) {
                    // BEGIN SOLUTION
                    return input / 2;
                    // END SOLUTION
                }""";
        assertEquals("""
                int outputSize(int input) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("output-size: write your answer here");
                }""", Assign.stub(master, "output-size"));
    }

    @Test
    void refusesAnUnclosedRegion() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Assign.stub("// BEGIN SOLUTION\nreturn 1;", "max-pool"));
        assertTrue(error.getMessage().contains("max-pool: // BEGIN SOLUTION without // END SOLUTION"));
    }

    @Test
    void keepsTheNotebookAndCellMetadataSoJupyterDoesNotMarkTheStudentVersionModified() {
        String master = """
                {"cells": [{"cell_type": "code", "execution_count": 3, "id": "a1",
                  "metadata": {"slideshow": {"slide_type": "skip"}, "tags": ["answer:max-pool"]},
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}],
                  "source": ["// BEGIN SOLUTION\\n", "return 1;\\n", "// END SOLUTION"]}],
                 "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"},
                  "language_info": {"codemirror_mode": "java", "file_extension": ".jshell", "name": "java",
                   "version": "17.0.15"}},
                 "nbformat": 4, "nbformat_minor": 5}""";
        JsonObject student = JsonParser.parseString(Assign.studentVersion(master)).getAsJsonObject();
        JsonObject original = JsonParser.parseString(master).getAsJsonObject();
        assertEquals(original.get("metadata"), student.get("metadata"));
        JsonObject cell = student.getAsJsonArray("cells").get(0).getAsJsonObject();
        assertEquals(original.getAsJsonArray("cells").get(0).getAsJsonObject().get("metadata"), cell.get("metadata"));
        assertEquals(0, cell.getAsJsonArray("outputs").size());
    }

    @Test
    void theStudentVersionHasNoSolutionAndNoOutputs() throws IOException {
        String student = Files.readString(Submissions.STUDENT, StandardCharsets.UTF_8);
        assertTrue(!student.contains("BEGIN SOLUTION") && !student.contains("Math.floorDiv"));
        assertTrue(student.contains("\"outputs\": []") && !student.contains("\"output_type\""));
    }
}
