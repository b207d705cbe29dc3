package io.frontlineguard.impact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The decision log as the service writes it: the current file and its rotations ({@code .1} the
 * newest, {@code .N} the oldest), listed oldest first so entries come in time order. The command
 * line and the console's impact page replay the same files, found the same way.
 */
public final class LogFiles {

    private LogFiles() {
    }

    /**
     * The files that exist; {@code shownAs} is how reports name the current file (as the user gave
     * it, or without the server's folder), rotations get {@code .N} appended to it.
     */
    public static List<LogReplay.LogFile> of(Path current, String shownAs) throws IOException {
        Path log = current.toAbsolutePath();
        Pattern rotation = Pattern.compile(Pattern.quote(log.getFileName().toString()) + "\\.(\\d{1,6})");
        List<Integer> rotations = new ArrayList<>();
        if (Files.isDirectory(log.getParent())) {
            try (Stream<Path> siblings = Files.list(log.getParent())) {
                siblings.map(p -> rotation.matcher(p.getFileName().toString())).filter(Matcher::matches)
                        .forEach(m -> rotations.add(Integer.parseInt(m.group(1))));
            }
        }
        rotations.sort(Comparator.reverseOrder());
        List<LogReplay.LogFile> files = new ArrayList<>();
        for (int i : rotations) {
            files.add(new LogReplay.LogFile(log.resolveSibling(log.getFileName() + "." + i), shownAs + "." + i));
        }
        if (Files.isRegularFile(log)) {
            files.add(new LogReplay.LogFile(log, shownAs));
        }
        return files;
    }
}
