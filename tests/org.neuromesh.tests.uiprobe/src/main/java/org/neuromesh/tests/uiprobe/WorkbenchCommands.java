package org.neuromesh.tests.uiprobe;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Commands a test appends to a text file (system property {@code neuromesh.uiprobe.commands}), carried out once each
 * on the UI thread, as a user would by menu: {@code perspective ID} switches to a perspective, {@code show ID} brings
 * a part to the front, {@code command ID} executes a command (as its menu item would). Each prints {@code UIPROBE done N: COMMAND} (or {@code failed}).
 */
final class WorkbenchCommands {

    private final IWorkbench workbench;
    private final Path file;
    private int done;

    WorkbenchCommands(IWorkbench workbench, Path file) {
        this.workbench = workbench;
        this.file = file;
    }

    void runNew(PrintStream out) {
        if (file == null) {
            return;
        }
        List<String> commands = ScreenReader.lines(file);
        while (done < commands.size()) {
            String command = commands.get(done++).strip();
            try {
                run(command);
                out.println(ScreenReader.PREFIX + "done " + done + ": " + command);
            } catch (RuntimeException e) {
                out.println(ScreenReader.PREFIX + "failed " + done + ": " + command + ": " + e);
            }
        }
    }

    private void run(String command) {
        MApplication application = workbench.getApplication();
        MWindow window = application.getChildren().get(0);
        IEclipseContext context = window.getContext();
        String[] words = command.split(" ", 2);
        switch (words[0]) {
            case "perspective" -> {
                List<MPerspective> found = context.get(EModelService.class).findElements(application, words[1],
                        MPerspective.class);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no perspective " + words[1]);
                }
                context.get(EPartService.class).switchPerspective(found.get(0));
            }
            case "show" -> context.get(EPartService.class).showPart(words[1], EPartService.PartState.ACTIVATE);
            case "command" -> {
                ParameterizedCommand parameterized = context.get(ECommandService.class).createCommand(words[1],
                        null);
                EHandlerService handlers = context.get(EHandlerService.class);
                if (!handlers.canExecute(parameterized)) {
                    throw new IllegalStateException("command " + words[1] + " cannot be executed now");
                }
                handlers.executeHandler(parameterized);
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }
}
