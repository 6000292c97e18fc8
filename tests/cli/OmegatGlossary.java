// OmegatGlossary.java FILE — reads FILE with OmegaT's own glossary reader
// (org.omegat.gui.glossary.GlossaryReaderTSV, from Debian's omegat package)
// and prints each entry as "source TAB target TAB comment". Used by
// tests/cli/1010-export-tabular.t: `java -cp OmegaT.jar OmegatGlossary.java`.
import java.io.File;
import java.util.List;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class OmegatGlossary {
    public static void main(String[] args) throws Exception {
        List<GlossaryEntry> entries = GlossaryReaderTSV.read(new File(args[0]), false);
        for (GlossaryEntry e : entries)
            System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + e.getCommentText());
    }
}
