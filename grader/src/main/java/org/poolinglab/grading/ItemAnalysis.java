package org.poolinglab.grading;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.poolinglab.exercises.Exercise;
import org.poolinglab.exercises.Exercises;
import org.poolinglab.grading.tests.Mistake;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a class got right and wrong, for the instructor: the exercises ranked by average score, the share
 * of students failing each test, and how many students made each typical mistake ({@link Mistake}, as the
 * tests' hints name them). Written by {@code ./lab grade FOLDER} as {@code item-analysis.csv},
 * {@code item-analysis.png} and {@code summary.md}, from the grades of the notebooks that could be read.
 */
final class ItemAnalysis {

    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** An exercise: its average score and how many students lost points on it. */
    record ExerciseItem(Exercise exercise, double averageScore, int lostPoints) {

        double averagePercent() {
            return 100 * averageScore / exercise.points();
        }
    }

    /** A graded test and how many students failed it. */
    record TestItem(Exercise exercise, GradedTest test, int failed) {
    }

    /** A typical mistake and how many students made it, in any test of its exercise. */
    record MistakeItem(Mistake mistake, int students) {
    }

    private final int students;
    private final List<ExerciseItem> exercises;
    private final List<TestItem> tests;
    private final List<MistakeItem> mistakes;

    private ItemAnalysis(int students, List<ExerciseItem> exercises, List<TestItem> tests, List<MistakeItem> mistakes) {
        this.students = students;
        this.exercises = exercises;
        this.tests = tests;
        this.mistakes = mistakes;
    }

    /** The analysis of these grades: exercises hardest first, tests most failed first, mistakes most made first. */
    static ItemAnalysis of(List<Grade> grades) {
        List<ExerciseItem> exercises = new ArrayList<>();
        List<TestItem> tests = new ArrayList<>();
        Map<Mistake, Integer> made = new LinkedHashMap<>();
        Arrays.stream(Mistake.values()).forEach(mistake -> made.put(mistake, 0));
        for (Exercise exercise : Exercises.ALL) {
            double average = grades.stream().mapToInt(grade -> grade.score(exercise)).average().orElse(0);
            int lost = (int) grades.stream().filter(grade -> grade.score(exercise) < exercise.points()).count();
            exercises.add(new ExerciseItem(exercise, average, lost));
            for (GradedTest test : GradedTest.of(exercise)) {
                int failed = (int) grades.stream().filter(grade -> grade.outcomes().stream()
                        .anyMatch(outcome -> outcome.testId().equals(test.testId()) && !outcome.passed())).count();
                tests.add(new TestItem(exercise, test, failed));
            }
        }
        for (Grade grade : grades) {
            Set<String> ids = grade.outcomes().stream().map(TestOutcome::mistake).collect(Collectors.toSet());
            made.replaceAll((mistake, count) -> count + (ids.contains(mistake.id()) ? 1 : 0));
        }
        exercises.sort(Comparator.comparingDouble(ExerciseItem::averagePercent));
        tests.sort(Comparator.comparingInt(TestItem::failed).reversed());
        List<MistakeItem> mistakes = new ArrayList<>();
        made.forEach((mistake, count) -> mistakes.add(new MistakeItem(mistake, count)));
        mistakes.sort(Comparator.comparingInt(MistakeItem::students).reversed());
        return new ItemAnalysis(grades.size(), List.copyOf(exercises), List.copyOf(tests), List.copyOf(mistakes));
    }

    int students() {
        return students;
    }

    List<ExerciseItem> exercises() {
        return exercises;
    }

    List<TestItem> tests() {
        return tests;
    }

    List<MistakeItem> mistakes() {
        return mistakes;
    }

    /**
     * One row per exercise (ranked by average score, hardest first), per test (ranked by how many failed
     * it) and per typical mistake (ranked by how many made it), as CSV. {@code students} counts, for an
     * exercise, who lost points on it; for a test, who failed it; for a mistake, who made it; {@code percent}
     * is that count as a share of the class, and {@code average score} an exercise's mean points.
     */
    String csv() {
        StringColumn kind = StringColumn.create("kind");
        IntColumn rank = IntColumn.create("rank");
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn item = StringColumn.create("item");
        StringColumn hidden = StringColumn.create("hidden");
        IntColumn points = IntColumn.create("points");
        IntColumn count = IntColumn.create("students");
        DoubleColumn percent = DoubleColumn.create("percent");
        DoubleColumn average = DoubleColumn.create("average score");
        Table table = Table.create("item analysis", kind, rank, exercise, item, hidden, points, count, percent, average);
        for (int i = 0; i < exercises.size(); i++) {
            ExerciseItem row = exercises.get(i);
            kind.append("exercise");
            rank.append(i + 1);
            exercise.append(row.exercise().id());
            item.append(row.exercise().title());
            hidden.append("");
            points.append(row.exercise().points());
            count.append(row.lostPoints());
            percent.append(share(row.lostPoints()));
            average.append(Math.round(10 * row.averageScore()) / 10.0);
        }
        for (int i = 0; i < tests.size(); i++) {
            TestItem row = tests.get(i);
            kind.append("test");
            rank.append(i + 1);
            exercise.append(row.exercise().id());
            item.append(row.test().name());
            hidden.append(row.test().hidden() ? "yes" : "no");
            points.append(row.test().points());
            count.append(row.failed());
            percent.append(share(row.failed()));
            average.appendMissing();
        }
        for (int i = 0; i < mistakes.size(); i++) {
            MistakeItem row = mistakes.get(i);
            kind.append("mistake");
            rank.append(i + 1);
            exercise.append(row.mistake().exercise());
            item.append(row.mistake().label());
            hidden.append("");
            points.appendMissing();
            count.append(row.students());
            percent.append(share(row.students()));
            average.appendMissing();
        }
        StringWriter csv = new StringWriter();
        table.write().csv(csv);
        return csv.toString();
    }

    /** The exercises, hardest first: each one's average score and the share of students who lost points on it. */
    byte[] chart() {
        CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
                .title("The exercises, hardest first (" + students + " students)").yAxisTitle("percent").build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTickLabelsFont(LABEL);
        styler.setAxisTitleFont(LABEL);
        styler.setLegendFont(LABEL);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setXAxisLabelRotation(30);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(100.0);
        styler.setLabelsVisible(true);
        styler.setLabelsFont(LABEL);
        styler.setLabelsPosition(0.9);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(new Color(0x222222));
        styler.setDecimalPattern("0");
        styler.setSeriesColors(new Color[] {new Color(0x6BAED6), new Color(0xFDAE61)});
        List<String> ids = exercises.stream().map(row -> row.exercise().id()).toList();
        chart.addSeries("average score, % of the exercise's points",
                ids, exercises.stream().map(row -> (double) Math.round(row.averagePercent())).toList());
        chart.addSeries("students who lost points on it, %",
                ids, exercises.stream().map(row -> (double) Math.round(share(row.lostPoints()))).toList());
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page an instructor reads first: the exercises hardest first, the tests most failed, the mistakes most made. */
    String summary(int unreadable) {
        StringBuilder text = new StringBuilder("# What the class got wrong\n\n");
        double mean = exercises.stream().mapToDouble(ExerciseItem::averageScore).sum();
        int maxPoints = exercises.stream().mapToInt(row -> row.exercise().points()).sum();
        text.append(String.format(Locale.ROOT, "%d notebooks graded, mean score %.1f of %d", students, mean, maxPoints))
                .append(unreadable == 0 ? "" : "; " + unreadable + " could not be read and are left out here")
                .append(". Every number is in `item-analysis.csv`, the exercises also in `item-analysis.png`.\n\n");
        text.append("## The exercises, hardest first\n\n| rank | exercise | average score | students who lost points |\n"
                + "|---|---|---|---|\n");
        for (int i = 0; i < exercises.size(); i++) {
            ExerciseItem row = exercises.get(i);
            text.append(String.format(Locale.ROOT, "| %d | `%s`: %s (notebook %s) | %.1f of %d (%.0f%%) | %s |%n", i + 1,
                    row.exercise().id(), row.exercise().title(), row.exercise().notebook().substring(0, 2),
                    row.averageScore(), row.exercise().points(), row.averagePercent(), students(row.lostPoints())));
        }
        List<TestItem> failed = tests.stream().filter(row -> row.failed() > 0).limit(10).toList();
        text.append("\n## The tests most students failed\n\n");
        if (failed.isEmpty()) {
            text.append("Every student passed every test.\n");
        } else {
            text.append("| test | exercise | failed by |\n|---|---|---|\n");
            failed.forEach(row -> text.append("| ").append(row.test().name()).append(row.test().hidden() ? " (hidden)" : "")
                    .append(" | `").append(row.exercise().id()).append("` | ").append(students(row.failed())).append(" |\n"));
        }
        List<MistakeItem> made = mistakes.stream().filter(row -> row.students() > 0).toList();
        text.append("\n## Typical mistakes\n\n");
        if (made.isEmpty()) {
            text.append("No answer gave what a typical mistake gives.\n");
        } else {
            text.append("Students whose answers gave exactly what the mistake gives in at least one test (that test's "
                    + "message names the mistake; students see the messages of public tests):\n\n"
                    + "| mistake | exercise | students |\n|---|---|---|\n");
            made.forEach(row -> text.append("| ").append(row.mistake().label()).append(" | `")
                    .append(row.mistake().exercise()).append("` | ").append(students(row.students())).append(" |\n"));
        }
        return text.toString();
    }

    private double share(int count) {
        return students == 0 ? 0 : Math.round(1000.0 * count / students) / 10.0;
    }

    private String students(int count) {
        return String.format(Locale.ROOT, "%d (%.0f%%)", count, share(count));
    }
}
