package org.parcours.print;

import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;

/**
 * What the PDF renderer may load: {@code data:} URIs only. The fonts are handed to the builder as
 * files by {@link EvaluationPdf}, not by URI, so they need none. Every other URI (a {@code file:}
 * path, an {@code http:} address, a {@code jar:}...) is refused before it is resolved, after it
 * is resolved, and by the stream factories, so that a text reaching the XHTML unescaped could
 * still neither read the server's files nor make it call another host.
 */
final class PdfResources {

    private static final String[] PROTOCOLS = {"file", "http", "https", "jar", "ftp", "classpath", "mailto", "gopher"};

    private PdfResources() {
    }

    /** Installs the refusals on a builder. */
    static void restrict(BaseRendererBuilder<?, ?> builder) {
        builder.useExternalResourceAccessControl(PdfResources::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(PdfResources::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> allowed(uri, null) ? uri : null);
        builder.useHttpStreamImplementation(PdfResources::refuse);
        builder.useProtocolsStreamImplementation((FSStreamFactory) PdfResources::refuse, PROTOCOLS);
    }

    static boolean allowed(String uri, ExternalResourceType type) {
        return uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("data:");
    }

    private static FSStream refuse(String uri) {
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return InputStream.nullInputStream();
            }

            @Override
            public Reader getReader() {
                return Reader.nullReader();
            }
        };
    }
}
