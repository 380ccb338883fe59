package dev.newsflow.chaos;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a newsflow child process: this JVM's {@code java} with the newsflow jar (system property
 * {@code newsflow.jar}, set by the build for integration tests) or else this JVM's class path.
 */
record AppLauncher(String java, String classPath) {

    private static final String MAIN = "dev.newsflow.cli.NewsflowCli";

    static AppLauncher current() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("newsflow.jar");
        String classPath = jar != null && Files.isRegularFile(Path.of(jar)) ? jar : System.getProperty("java.class.path");
        if (classPath == null || classPath.isBlank()) {
            throw new IllegalStateException("no class path to start the application with");
        }
        return new AppLauncher(java, classPath);
    }

    /** {@code newsflow run} with {@code args}; a small serial-GC heap, as two of these share the machine. */
    List<String> run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsflow.schema", "-cp", classPath, MAIN, "run"));
        command.addAll(args);
        return command;
    }

    @Override
    public String toString() {
        return java + " -cp " + (classPath.contains(File.pathSeparator) ? "(class path)" : classPath) + " " + MAIN;
    }
}
