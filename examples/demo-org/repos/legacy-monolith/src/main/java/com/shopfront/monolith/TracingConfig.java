package com.shopfront.monolith;

import io.jaegertracing.Configuration;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

@org.springframework.context.annotation.Configuration
public class TracingConfig {

    /**
     * Jaeger tracer; reporter and sampler are configured from JAEGER_* env
     * variables. The service has always reported itself as "shop-monolith".
     */
    @Bean
    public Tracer tracer() {
        Tracer tracer = Configuration.fromEnv("shop-monolith").getTracer();
        GlobalTracer.registerIfAbsent(tracer);
        return tracer;
    }

    @Bean
    public FilterRegistrationBean<FlowIdTracingFilter> flowIdTracingFilter(Tracer tracer) {
        FilterRegistrationBean<FlowIdTracingFilter> reg = new FilterRegistrationBean<>(new FlowIdTracingFilter(tracer));
        reg.addUrlPatterns("/*");
        reg.setOrder(1);
        return reg;
    }
}
