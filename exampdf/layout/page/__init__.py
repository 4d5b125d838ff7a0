"""layout/page"""
