/**
 * JMH benchmarks of hot-path pieces (run with bench/jmh.sh; never part of the test run).
 */
package io.sallyport.gateway.bench;
