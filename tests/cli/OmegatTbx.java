// OmegatTbx.java FILE SOURCE TARGET — reads FILE with OmegaT's own TBX reader
// (org.omegat.gui.glossary.GlossaryReaderTBX, from Debian's omegat package),
// in a project from language SOURCE to TARGET as OmegaT would open it, and
// prints each entry as "source TAB target". Used by
// tests/cli/1005-export-tbx2008.t: `java -cp OmegaT.jar OmegatTbx.java`.
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;

public class OmegatTbx {
    public static void main(String[] args) throws Exception {
        File dir = Files.createTempDirectory("omegat-tbx").toFile();
        final ProjectProperties props = new ProjectProperties(dir);
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        Core.setProject(new NotLoadedProject() {
            @Override
            public ProjectProperties getProjectProperties() {
                return props;
            }
        });
        List<GlossaryEntry> entries = GlossaryReaderTBX.read(new File(args[0]), false);
        for (GlossaryEntry e : entries)
            System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + e.getCommentText().replace("\n", " / "));
        dir.delete();
    }
}
