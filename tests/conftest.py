"""Shared pytest fixtures and helpers for all test layers."""
