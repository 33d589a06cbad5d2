package org.neuralgraph.gephi;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.Locale;

/**
 * Checks a user's GEXF or GraphML file before Gephi's importer reads it. Gephi's importers make their own StAX
 * factory with DTDs on, so a file's {@code <!DOCTYPE>} could make them read other files into the graph (external
 * entities, an external DTD) or expand entities without bound ("billion laughs"); and a broken file ends in their
 * stack traces, which do not name it. This reads the same characters with the JDK's own StAX reader, DTDs and
 * external entities off, and refuses any DOCTYPE (neither format needs one), XML that is malformed or cut short, and
 * a root element that is not the format's, each with one sentence naming the file.
 */
final class SafeXml {

    private SafeXml() { }

    /** The XML format Gephi's importer reads a file of this extension as (its name), or null when it is not XML. */
    static String format(String extension) {
        switch (extension.toLowerCase(Locale.ROOT)) {
            case "gexf": return "GEXF";
            case "graphml": return "GraphML";
            default: return null;
        }
    }

    /**
     * Reads all of {@code chars}, a file of {@code format} ({@link #format}); closes nothing.
     *
     * @param file how messages name the file
     * @throws IOException naming {@code file} when it declares a DTD, is not well-formed XML, is empty or its root
     *                     element is not the format's
     */
    static void check(Reader chars, String file, String format) throws IOException {
        PushbackReader in = new PushbackReader(chars, 1);
        int first = in.read();
        if (first < 0) throw new IOException(file + ": the file is empty, not a " + format + " file");
        in.unread(first);
        String root = format.toLowerCase(Locale.ROOT);
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(in);
            boolean rootSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IOException(file + ": refused: the file declares a DTD (<!DOCTYPE ...>); GEXF and GraphML need none, "
                            + "and external entities could read other files");
                }
                if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                    rootSeen = true;
                    if (!r.getLocalName().equalsIgnoreCase(root)) {
                        throw new IOException(file + ": not a " + format + " file (its root element is <" + r.getLocalName() + ">, not <" + root + ">)");
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IOException(file + ": not a complete " + format + " file (XML error" + (line > 0 ? " at line " + line : "") + ": " + message(e) + ")");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing was written; the caller closes the reader
                }
            }
        }
    }

    /** The JDK's reader (whichever StAX implementation is on the class path), DTDs and every external access off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " not read");
        });
        return f;
    }

    /** The parser's sentence without the position it prefixes ("ParseError at [row,col]:[3,1] Message: ..."). */
    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        if (i >= 0) m = m.substring(i + "Message: ".length());
        return m.replaceAll("\\s+", " ").trim();
    }
}
