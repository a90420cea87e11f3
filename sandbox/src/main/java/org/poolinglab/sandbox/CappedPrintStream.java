package org.poolinglab.sandbox;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.out} while a graded test runs: prints into a {@link CappedOutput}, and once that is full
 * only counts the characters printed, without encoding them, so even millions of lines cost little time.
 * Every {@code print} and {@code println} ends in {@link #print(String)} or {@link #println(String)}.
 */
public final class CappedPrintStream extends PrintStream {

    private final CappedOutput output;

    public CappedPrintStream(CappedOutput output) {
        super(output, true, StandardCharsets.UTF_8);
        this.output = output;
    }

    @Override
    public void print(String text) {
        String value = String.valueOf(text);
        if (output.isFull()) {
            output.count(value.length());
        } else {
            super.print(value);
        }
    }

    @Override
    public void println(String text) {
        String value = String.valueOf(text);
        if (output.isFull()) {
            output.count(value.length() + 1);
        } else {
            super.println(value);
        }
    }

    @Override
    public void println() {
        println("");
    }

    // The other overloads, each turned into text first.

    @Override
    public void print(boolean value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(char value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(int value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(long value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(float value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(double value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(char[] value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(Object value) {
        print(String.valueOf(value));
    }

    @Override
    public void println(boolean value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(char value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(int value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(long value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(float value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(double value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(char[] value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(Object value) {
        println(String.valueOf(value));
    }
}
