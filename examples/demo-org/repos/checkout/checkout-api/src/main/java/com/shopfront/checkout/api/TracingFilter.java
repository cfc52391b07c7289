package com.shopfront.checkout.api;

import java.io.IOException;
import java.util.UUID;

import brave.Span;
import brave.Tracer.SpanInScope;
import brave.Tracing;
import brave.propagation.TraceContext;
import com.shopfront.checkout.core.CheckoutTracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Starts a Brave server span per request and makes sure every request has an X-Flow-ID. */
@Component
public class TracingFilter extends OncePerRequestFilter {

    private final Tracing tracing;
    private final TraceContext.Extractor<HttpServletRequest> extractor;

    public TracingFilter(Tracing tracing) {
        this.tracing = tracing;
        this.extractor = tracing.propagation().extractor(HttpServletRequest::getHeader);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracing.tracer().nextSpan(extractor.extract(request))
                .name(request.getMethod() + " " + request.getRequestURI())
                .kind(Span.Kind.SERVER)
                .start();

        String flowId = CheckoutTracing.FLOW_ID.getValue(span.context());
        if (flowId == null) {
            flowId = UUID.randomUUID().toString();
            CheckoutTracing.FLOW_ID.updateValue(span.context(), flowId);
        }
        span.tag("flow.id", flowId);
        response.setHeader(CheckoutTracing.FLOW_ID_HEADER, flowId);

        try (SpanInScope scope = tracing.tracer().withSpanInScope(span)) {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.tag("http.status_code", Integer.toString(response.getStatus()));
            span.finish();
        }
    }
}
