/**
 * Every kind of case that keeps an open deadline registers how to recompute it when it is loaded.
 * Composition roots that do not load the web app (the daily sweep) import this module so the
 * sweep and the calendar recompute know every kind.
 */
import './requests';
import './catalogue';
import './clarifications';
import './corrections';
