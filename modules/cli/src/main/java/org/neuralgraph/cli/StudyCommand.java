package org.neuralgraph.cli;

import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.StudyOutcome;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * How every study command runs: its options become a {@link Study}, which checks them before any work; the study then
 * runs in a fresh Gephi project with progress bars and Ctrl-C, writing into a staging directory that becomes
 * {@code --out} only when it ends well; last, the summary, the notes and where the outputs are.
 */
abstract class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    /** The study as the options say. */
    abstract Study study() throws Exception;

    /** How the command was given, for the reports: {@code neuralgraph weights --out ...}. */
    static String commandText() {
        return CommandLineText.whole();
    }

    @Override
    public final Integer call() throws Exception {
        Study study = study();
        study.check();
        try (ConsoleProgress progress = new ConsoleProgress(System.err, quiet);
             OutputDirectory dir = OutputDirectory.create(out);
             CancelOnInterrupt interrupt = CancelOnInterrupt.install(progress, dir)) {
            for (String note : dir.notes()) spec.commandLine().getErr().println("neuralgraph: note: " + note);
            GephiProject project = GephiProject.fresh();
            QuietLogging.reapply(); // Gephi's platform has just read its own logging configuration
            StudyOutcome outcome;
            try {
                outcome = study.run(project, dir.dir(), progress);
            } catch (IOException e) {
                throw inTarget(e, dir);
            }
            dir.commit();
            progress.close();
            print(spec.commandLine().getOut(), outcome, dir.target());
            return 0;
        }
    }

    /** {@code e} with the staging directory's path in its message replaced by the one the user asked for. */
    private static IOException inTarget(IOException e, OutputDirectory dir) {
        String m = e.getMessage();
        if (m == null || !m.contains(dir.dir().toString())) return e;
        return new IOException(m.replace(dir.dir().toString(), dir.target().toString()), e);
    }

    /** The summary, the notes, and the main outputs that exist. */
    static void print(PrintWriter out, StudyOutcome o, Path target) {
        out.print(o.summary());
        for (String note : o.notes()) out.println("note: " + note);
        out.println("outputs: " + target);
        List<String> entries = o.outputs();
        for (String e : entries) {
            Path p = target.resolve(e);
            String label = e.equals("neuralgraph.gephi") ? "Gephi" : e.replaceFirst("\\.md$", "");
            if (Files.exists(p)) out.println(String.format(Locale.ROOT, "  %-10s%s", label + ":", p));
        }
    }
}
