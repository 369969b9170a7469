package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The experiment editor's undo history, on experiment files as the editor keeps them. */
class EditHistoryTest {

    private final ExperimentFile saved = ExperimentFile.parse("epochs = 3\n");
    private final EditHistory<ExperimentFile> history = new EditHistory<>(saved);

    @Test
    void givenTheSavedFile_thenItIsCleanWithNothingToUndoOrRedo() {
        assertFalse(history.isDirty());
        assertFalse(history.canUndo());
        assertFalse(history.canRedo());
        assertThrows(IllegalStateException.class, history::undo);
    }

    @Test
    void givenTwoEditsOfTwoFields_whenUndoneTwice_thenTheSavedFileIsBackAndClean() {
        history.edit("epochs", saved.with("epochs", "5"));
        history.edit("batch", history.current().with("batch", "32"));
        assertTrue(history.isDirty());

        assertEquals("5", history.undo().get("epochs"));
        assertEquals("64", history.current().get("batch"));
        assertTrue(history.isDirty());
        assertEquals(saved, history.undo());
        assertFalse(history.isDirty(), "undone to the saved state");
        assertFalse(history.canUndo());
    }

    @Test
    void givenAnUndoneEdit_whenRedone_thenItIsBackAndDirty() {
        history.edit("epochs", saved.with("epochs", "5"));
        history.undo();
        assertTrue(history.canRedo());
        assertEquals("5", history.redo().get("epochs"));
        assertTrue(history.isDirty());
        assertFalse(history.canRedo());
    }

    @Test
    void givenAnUndoneEdit_whenANewEditIsMade_thenThereIsNothingToRedo() {
        history.edit("epochs", saved.with("epochs", "5"));
        history.undo();
        history.edit("batch", saved.with("batch", "32"));
        assertFalse(history.canRedo());
        assertEquals("32", history.current().get("batch"));
        assertEquals("3", history.current().get("epochs"));
    }

    @Test
    void givenTypingIntoOneField_whenUndone_thenTheWholeValueIsTakenBack() {
        // typing "12" into epochs is two edits of the same field: one step
        history.edit("epochs", saved.with("epochs", "1"));
        history.edit("epochs", history.current().with("epochs", "12"));
        assertEquals(saved, history.undo());
        assertFalse(history.canUndo());
    }

    @Test
    void givenAnEditAfterSaving_whenUndone_thenTheSavedStateIsCleanAgainAndTheOlderOneDirty() {
        history.edit("epochs", saved.with("epochs", "5"));
        history.saved();
        // more typing into the same field after a save is a new step: the saved state stays reachable
        history.edit("epochs", history.current().with("epochs", "50"));
        assertTrue(history.isDirty());
        assertEquals("5", history.undo().get("epochs"));
        assertFalse(history.isDirty());
        assertEquals(saved, history.undo());
        assertTrue(history.isDirty(), "the file on disk says 5 now");
    }

    @Test
    void givenTheSavedStateOnlyReachableByRedo_whenANewEditIsMade_thenNoStateIsCleanAnyMore() {
        history.edit("epochs", saved.with("epochs", "5"));
        history.saved();
        history.undo();
        history.edit("batch", history.current().with("batch", "32"));
        assertTrue(history.isDirty());
        history.undo();
        assertTrue(history.isDirty(), "epochs 3 is not what is on disk");
    }

    @Test
    void givenAnEditToAnEqualState_thenNoStepIsAdded() {
        history.edit("epochs", saved.with("epochs", "3"));
        assertFalse(history.canUndo());
        assertFalse(history.isDirty());
    }
}
